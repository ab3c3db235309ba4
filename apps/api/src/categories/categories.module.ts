import { Module } from '@nestjs/common';
import { CategoryLoader } from './categories.loaders';
import { CategoriesRepository } from './categories.repository';
import { CategoriesResolver } from './categories.resolver';
import { CategoriesService } from './categories.service';

@Module({ providers: [CategoriesRepository, CategoryLoader, CategoriesService, CategoriesResolver], exports: [CategoriesRepository, CategoriesService] })
export class CategoriesModule {}
