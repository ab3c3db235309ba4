import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { validationFailed } from '@peerdesk/domain';
import { AcceptReminderLinkModel, AcceptReminderOutcomeModel, toAcceptReminderLinkModel } from './accept-reminders.model';
import { AcceptRemindersService } from './accept-reminders.service';

/** A link's token is its own authority (the asker may not be signed in where the e-mail is read), so these are open to anyone holding one. */
const TOKEN_LENGTH = 43;

function checkToken(token: string): string {
  if (token.length !== TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) {
    throw validationFailed([{ field: 'token', message: 'This is not a reminder link: copy the whole link from the e-mail.' }]);
  }
  return token;
}

@Resolver()
export class AcceptRemindersResolver {
  constructor(private readonly reminders: AcceptRemindersService) {}

  @Query(() => AcceptReminderLinkModel, { description: 'What a link of a reminder to accept will do; reading it changes nothing.' })
  async acceptReminderLink(@Args('token') token: string): Promise<AcceptReminderLinkModel> {
    const { link, refusal } = await this.reminders.describeLink(checkToken(token));
    return toAcceptReminderLinkModel(link, refusal);
  }

  @Mutation(() => AcceptReminderOutcomeModel, {
    description: "Uses a reminder's link as its asker: accepts the link's answer, or sends the question to staff at once. Once per reminder; expired links are refused (CONFLICT).",
  })
  async useAcceptReminderLink(@Args('token') token: string): Promise<AcceptReminderOutcomeModel> {
    return this.reminders.useLink(checkToken(token));
  }
}
