import type { MessagePort } from 'node:worker_threads';
import { type RenderOptions, renderMarkdown } from './markdown';

// A thread's first render compiles the renderer's code (and builds its lazy tables): done here, as the thread boots,
// so it is not charged to the first post's time budget (on a loaded machine it took an ordinary post past 300 ms).
renderMarkdown('**Warm** _up_ [link](https://example.com)\n\n- item\n\n> quote', { imageHosts: [] });

export type RenderOutcome = { html: string } | { tooDeep: true };
/** `started` hears when this thread begins the render, which is when its time budget starts. */
export interface RenderTask { source: string; options: RenderOptions; started: MessagePort }

/**
 * One render, in a worker thread of MarkdownRenderer's pool. The renderer recurses once per level of
 * quotes and lists, so a deep enough input overflows the stack: that comes back as an answer (the post
 * is refused), not as a crashed worker.
 */
export default function render({ source, options, started }: RenderTask): RenderOutcome {
  started.postMessage(null);
  started.close();
  try {
    return { html: renderMarkdown(source, options) };
  } catch (error) {
    if (error instanceof RangeError) return { tooDeep: true };
    throw error;
  }
}
