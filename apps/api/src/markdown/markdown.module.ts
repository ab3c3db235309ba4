import { Module } from '@nestjs/common';
import { MarkdownResolver } from './markdown.resolver';

@Module({ providers: [MarkdownResolver] })
export class MarkdownModule {}
