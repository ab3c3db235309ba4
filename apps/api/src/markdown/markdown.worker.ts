import { type RenderOptions, renderMarkdown } from './markdown';

export type RenderOutcome = { html: string } | { tooDeep: true };

/**
 * One render, in a worker thread of MarkdownRenderer's pool. The renderer recurses once per level of
 * quotes and lists, so a deep enough input overflows the stack: that comes back as an answer (the post
 * is refused), not as a crashed worker.
 */
export default function render({ source, options }: { source: string; options: RenderOptions }): RenderOutcome {
  try {
    return { html: renderMarkdown(source, options) };
  } catch (error) {
    if (error instanceof RangeError) return { tooDeep: true };
    throw error;
  }
}
