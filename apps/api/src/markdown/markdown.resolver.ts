import { Args, Query, Resolver } from '@nestjs/graphql';
import { LIMITS, validationFailed } from '@peerdesk/domain';
import { MarkdownRenderer } from './markdown-renderer';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver()
export class MarkdownResolver {
  constructor(private readonly markdown: MarkdownRenderer) {}

  @Query(() => String, {
    description: 'The sanitized HTML a Markdown post would be shown as, for editors\' previews (the same rendering posts get). At most 30,000 characters.',
  })
  @RateLimit('preview')
  markdownPreview(@Args('body') body: string): Promise<string> {
    if (body.length > LIMITS.questionBody.max) {
      throw validationFailed([{ field: 'body', message: `Keep it under ${LIMITS.questionBody.max.toLocaleString('en')} characters.` }]);
    }
    return this.markdown.render(body);
  }
}
