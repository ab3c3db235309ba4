import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { CategoryLoader, CategoryStaffTeamLoader } from './categories.loaders';
import { CategoriesRepository } from './categories.repository';
import { CATEGORY_RESOLVERS } from './categories.resolver';
import { CategoriesService } from './categories.service';

@Module({
  imports: [UsersModule],
  providers: [CategoriesRepository, CategoryLoader, CategoryStaffTeamLoader, CategoriesService, ...CATEGORY_RESOLVERS],
  exports: [CategoriesRepository, CategoriesService],
})
export class CategoriesModule {}
