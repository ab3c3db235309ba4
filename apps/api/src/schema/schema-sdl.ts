import { type DynamicModule, type Type } from '@nestjs/common';
import { ENTRY_PROVIDER_WATERMARK, MODULE_METADATA } from '@nestjs/common/constants';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { SystemClock } from '../common/clock';
import { loadConfig } from '../config/config';

/**
 * The GraphQL schema the API's code declares, printed as SDL — the contract the web's typed client is
 * generated from (packages/api-client/schema.graphql). Built from the resolver classes the application
 * module wires, without a database: nothing here connects or starts a poller.
 */
export async function schemaSdl(): Promise<string> {
  const config = loadConfig({ NODE_ENV: 'production' });
  // Never initialized: the schema needs the module graph, not a connection.
  const dataSource = new DataSource({ type: 'postgres' });
  const resolvers = resolverClasses(AppModule.with({ config, dataSource, clock: new SystemClock() }));
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create(resolvers);
    return `${printSchema(lexicographicSortSchema(schema))}\n`;
  } finally {
    await app.close();
  }
}

type ModuleRef = Type | DynamicModule | Promise<DynamicModule> | { forwardRef: () => Type };

/** Every provider class @Resolver marks as an entry provider in the module graph below `root`, each once. */
function resolverClasses(root: DynamicModule): Type[] {
  const found = new Set<Type>();
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef | undefined): void => {
    if (!ref || seen.has(ref) || ref instanceof Promise) return;
    seen.add(ref);
    if ('forwardRef' in ref) return visit(ref.forwardRef());
    const moduleClass = 'module' in ref ? ref.module : (ref as Type);
    const own = (key: string) => (Reflect.getMetadata(key, moduleClass) ?? []) as unknown[];
    const dynamic = 'module' in ref ? ref : ({} as Partial<DynamicModule>);
    const providers = [...own(MODULE_METADATA.PROVIDERS), ...(dynamic.providers ?? [])];
    for (const provider of providers) {
      if (typeof provider === 'function' && Reflect.getMetadata(ENTRY_PROVIDER_WATERMARK, provider)) found.add(provider as Type);
    }
    for (const imported of [...own(MODULE_METADATA.IMPORTS), ...(dynamic.imports ?? [])]) visit(imported as ModuleRef);
  };
  visit(root);
  return [...found];
}
