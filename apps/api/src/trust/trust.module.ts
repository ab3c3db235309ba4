import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { TrustLevelsService } from './trust-levels.service';
import { TrustRepository } from './trust.repository';
import { TrustResolver } from './trust.resolver';

@Module({ imports: [UsersModule], providers: [TrustRepository, TrustLevelsService, TrustResolver], exports: [TrustLevelsService, TrustRepository] })
export class TrustModule {}
