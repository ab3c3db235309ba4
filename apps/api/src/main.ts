import 'reflect-metadata';
import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { type AppDependencies, AppModule } from './app.module';
import { refuseFormPosts } from './common/graphql-errors';

/** Builds the API (not yet listening), for start-up and for tests alike. */
export async function createApi(dependencies: AppDependencies): Promise<INestApplication> {
  const logLevels: LogLevel[] = dependencies.config.nodeEnv === 'test' ? ['error'] : ['warn', 'error'];
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(dependencies), { logger: logLevels });
  // Standard response headers (nosniff, no framing, a strict CSP for the few HTML pages, no X-Powered-By).
  app.use(helmet());
  // Whose X-Forwarded-For names the client (TRUST_PROXY); by default nobody's, and the socket's address counts.
  app.set('trust proxy', dependencies.config.trustProxy);
  // No ETag: Express would hash every response body (a search page's JSON, at every request) for a header that only a
  // conditional GET can use, and the API's answers are GraphQL POSTs.
  app.set('etag', false);
  // Before the body parsers and Apollo: a form post is refused unread.
  app.use('/graphql', refuseFormPosts);
  return app;
}
