import { Global, Module } from '@nestjs/common';
import { MarkdownRenderer } from './markdown-renderer';
import { MarkdownResolver } from './markdown.resolver';

/** Global: every module that stores a post renders its Markdown through the one pool. */
@Global()
@Module({ providers: [MarkdownRenderer, MarkdownResolver], exports: [MarkdownRenderer] })
export class MarkdownModule {}
