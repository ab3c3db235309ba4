import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { DuplicateOfLoader } from './duplicates.loaders';
import { DuplicatesResolver } from './duplicates.resolver';
import { DuplicatesService } from './duplicates.service';

@Module({ imports: [QuestionsModule], providers: [DuplicateOfLoader, DuplicatesService, DuplicatesResolver] })
export class DuplicatesModule {}
