import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppDependencies, AppModule } from './app.module';
import { refuseFormPosts } from './common/graphql-errors';

/** Builds the API (not yet listening), for start-up and for tests alike. */
export async function createApi(dependencies: AppDependencies): Promise<INestApplication> {
  const logLevels: LogLevel[] = dependencies.config.nodeEnv === 'test' ? ['error'] : ['warn', 'error'];
  const app = await NestFactory.create(AppModule.with(dependencies), { logger: logLevels });
  // Before the body parsers and Apollo: a form post is refused unread.
  app.use('/graphql', refuseFormPosts);
  return app;
}
