import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Global, Logger, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AnswersModule } from './answers/answers.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { CategoriesModule } from './categories/categories.module';
import { CommentsModule } from './comments/comments.module';
import { CapabilityGuard } from './common/capability.guard';
import { type Clock, CLOCK } from './common/clock';
import { formatGraphQLError, RequestErrorFilter } from './common/graphql-errors';
import { graphQLCostPlugin, graphQLLimitRules } from './common/graphql-limits';
import { inputHygienePlugin } from './common/input-hygiene';
import { DomainEvents } from './common/domain-events';
import { LoaderRegistry } from './common/loaders';
import { REQUEST_VIEWER, type RequestContext, type RequestViewer } from './common/viewer';
import type { AppConfig } from './config/config';
import { CONFIG } from './config/config.provider';
import { Transactions } from './database/transactions';
import { HealthController } from './health/health.controller';
import { ImporterModule } from './importer/importer.module';
import { MarkdownModule } from './markdown/markdown.module';
import { AnnouncementModule } from './announcement/announcement.module';
import { SpamModule } from './spam/spam.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PageCache } from './page-cache/page-cache';
import { PageCacheModule } from './page-cache/page-cache.module';
import { QuestionsModule } from './questions/questions.module';
import { ReportsModule } from './reports/reports.module';
import { EndorsementsModule } from './endorsements/endorsements.module';
import { TrustModule } from './trust/trust.module';
import { UsersModule } from './users/users.module';
import { VotesModule } from './votes/votes.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { EscalationModule } from './escalation/escalation.module';
import { RemindersModule } from './reminders/reminders.module';
import { GraphqlLandingPage } from './schema/graphql-landing-page';
import { SearchModule } from './search/search.module';
import { SearchInsightsModule } from './search-insights/search-insights.module';
import { DuplicatesModule } from './duplicates/duplicates.module';
import { ThreadModerationModule } from './thread-moderation/thread-moderation.module';
import { PrivacyModule } from './privacy/privacy.module';
import { PrivateConversationsModule } from './private-conversations/private-conversations.module';
import { ReviewModule } from './review/review.module';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { RateLimitsModule } from './rate-limits/rate-limits.module';

/** A plugin as the Apollo driver's configuration types it. */
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export interface AppDependencies {
  config: AppConfig;
  /** Initialized by the caller (start-up, CLI or test), which also closes it. */
  dataSource: DataSource;
  clock: Clock;
  /** Where to write the schema Nest builds from the code (the contract clients generate types from); unset keeps it in memory. */
  schemaFile?: string;
}

/** The infrastructure every module may inject: database, transactions, clock, configuration and the request loaders' registry. */
@Global()
@Module({})
class CoreModule {
  static with({ config, dataSource, clock }: AppDependencies): DynamicModule {
    const providers = [
      { provide: DataSource, useValue: dataSource },
      { provide: CLOCK, useValue: clock },
      { provide: CONFIG, useValue: config },
      DomainEvents,
      Transactions,
      LoaderRegistry,
    ];
    return { module: CoreModule, providers, exports: [DataSource, CLOCK, CONFIG, DomainEvents, Transactions, LoaderRegistry] };
  }
}

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GraphqlLandingPage).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }

  static with(dependencies: AppDependencies): DynamicModule {
    const logger = new Logger('GraphQL');
    return {
      module: AppModule,
      imports: [
        CoreModule.with(dependencies),
        RateLimitsModule,
        AuditModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, PageCacheModule],
          inject: [AuthService, LoaderRegistry, PageCache],
          useFactory: (auth: AuthService, loaders: LoaderRegistry, pageCache: PageCache) => ({
            autoSchemaFile: dependencies.schemaFile ?? true,
            sortSchema: true,
            playground: false,
            introspection: dependencies.config.graphqlIntrospection,
            validationRules: graphQLLimitRules(dependencies.config.graphql),
            // Apollo's cache-control plugin is on unless disabled: it hooks every resolved field, and no field sets a cache hint.
            // (Its CommonJS typings name Apollo's types apart from the ones the other plugins are typed with.)
            plugins: [inputHygienePlugin(), graphQLCostPlugin(dependencies.config.graphql), pageCache.plugin(), ApolloServerPluginCacheControlDisabled() as ApolloPlugin],
            context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
              const viewer = await auth.viewerFromRequest(req);
              return { req, res, viewer, loaders: loaders.forRequest(viewer), repeatOnHit: [] };
            },
            formatError: (formatted, error) => formatGraphQLError(formatted, error, (e) => logger.error(e)),
          }),
        }),
        UsersModule,
        AuthModule,
        CategoriesModule,
        QuestionsModule,
        AnswersModule,
        VotesModule,
        EscalationModule.register(dependencies.config.nodeEnv),
        RemindersModule.register(dependencies.config.nodeEnv),
        CommentsModule,
        NotificationsModule,
        WebhooksModule,
        ImporterModule,
        ReportsModule,
        EndorsementsModule,
        SearchModule,
        SearchInsightsModule,
        DuplicatesModule,
        ThreadModerationModule,
        MarkdownModule,
        AnnouncementModule,
        SpamModule,
        PrivacyModule,
        PrivateConversationsModule,
        ReviewModule,
        TrustModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: REQUEST_VIEWER, inject: [AuthService], useFactory: (auth: AuthService): RequestViewer => (req) => auth.viewerFromRequest(req) },
        { provide: APP_GUARD, useClass: CapabilityGuard },
        // After the capability check: a request refused for who it is counts against no limit.
        { provide: APP_GUARD, useExisting: RateLimitGuard },
        { provide: APP_FILTER, useClass: RequestErrorFilter },
      ],
    };
  }
}
