import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { MarkdownModule } from '../markdown/markdown.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { HelpingPrivatelyLoader } from './private-conversations.loaders';
import { PrivateConversationsRepository } from './private-conversations.repository';
import { PrivateConversationsResolver, PrivateMessageResolver, QuestionPrivateConversationResolver } from './private-conversations.resolver';
import { PrivateConversationsService } from './private-conversations.service';

/** The private conversation between a question's asker and our team (docs/architecture.md). */
@Module({
  imports: [QuestionsModule, AnswersModule, UsersModule, MarkdownModule],
  providers: [
    PrivateConversationsRepository, PrivateConversationsService, HelpingPrivatelyLoader,
    PrivateConversationsResolver, PrivateMessageResolver, QuestionPrivateConversationResolver,
  ],
  exports: [PrivateConversationsRepository],
})
export class PrivateConversationsModule {}
