import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, type ResourceLimits } from 'node:worker_threads';
import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { countLinks, LIMITS, MAX_MARKDOWN_NESTING, markdownNestingDepth, serviceUnavailable, validationFailed } from '@peerdesk/domain';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import { repoRoot } from '../common/repo-root';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import type { RenderOptions } from './markdown';
import type { RenderOutcome, RenderTask } from './markdown.worker';

/** Longer than any real post takes (30,000 characters of prose render in ~0.1 s); past it the input is refused. */
export const RENDER_TIMEOUT_MS = 2_000;
/** Renders waiting for a thread; past it the server says it is busy rather than queue without bound. */
const MAX_QUEUED_RENDERS = 64;
/**
 * Each thread is a V8 isolate of its own, about 45 MB of the API's RSS once it has rendered a while (the renderer,
 * its heap, Node's own per-thread state). Ordinary posts take about a millisecond, so one thread formats hundreds a
 * second; a second thread only let two costly posts render at once, for another 45 MB under any write load.
 */
const RENDER_THREADS = 1;
/** A thread idle this long ends (its memory returned); the next post starts one again, outside its time budget. */
const RENDER_THREAD_IDLE_MS = 30_000;
/**
 * A thread's V8 heap by default has a 32 MB young generation and an old space that lets garbage pile up. A render
 * keeps a few MB live (the costliest posts tried, 30,000 characters of lists, links or emphasis, render within
 * 32 MB), so the heap is bounded; a render that outgrows it is refused like one over its time budget.
 */
const RENDER_HEAP_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };

/** A render's time budget and its thread's heap; tests prove each refusal with a tiny one. */
export interface RenderBounds {
  timeoutMs: number;
  heapLimits: ResourceLimits;
}
/** Overrides RenderBounds' defaults (tests only). */
export const RENDER_BOUNDS = Symbol('RENDER_BOUNDS');

/** The compiled worker beside this module; under jest (ES modules from the TypeScript sources) the build's copy. */
function workerFile(): string {
  const here = typeof __dirname === 'string' ? __dirname : path.join(repoRoot(), 'apps', 'api', 'dist', 'src', 'markdown');
  const file = path.join(here, 'markdown.worker.js');
  if (!existsSync(file)) throw new Error(`The Markdown worker ${file} is missing: run "npm run build" (or "tsc -b apps/api") first.`);
  return file;
}

function tooDeep(field: string) {
  return validationFailed([{ field, message: `Quotes and lists can nest at most ${MAX_MARKDOWN_NESTING} levels deep. Use fewer levels.` }]);
}

/**
 * Turns posts' Markdown into safe HTML off the event loop: rendering is CPU work that a crafted input can
 * make take seconds, and on the event loop that would stall every other request (and /healthz). Each
 * render has a time budget; a render over it is stopped (its thread replaced) and the input refused.
 */
@Injectable()
export class MarkdownRenderer implements OnModuleDestroy {
  private readonly options: RenderOptions;
  private readonly timeoutMs: number;
  private readonly pool: Piscina<RenderTask, RenderOutcome>;

  constructor(@Inject(CONFIG) config: Pick<AppConfig, 'imageHosts'>, @Optional() @Inject(RENDER_BOUNDS) bounds: Partial<RenderBounds> = {}) {
    this.options = { imageHosts: config.imageHosts };
    this.timeoutMs = bounds.timeoutMs ?? RENDER_TIMEOUT_MS;
    this.pool = new Piscina<RenderTask, RenderOutcome>({
      filename: workerFile(),
      // Started by the first post, not at boot: a server that only serves pages keeps no render thread.
      minThreads: 0,
      maxThreads: RENDER_THREADS,
      idleTimeout: RENDER_THREAD_IDLE_MS,
      resourceLimits: bounds.heapLimits ?? RENDER_HEAP_LIMITS,
    });
  }
  /**
   * Renders wait here, not in the pool's queue, so a render's time budget starts when a thread takes it: under a
   * burst of posts, time spent waiting behind others refused ordinary posts as "too complex to format".
   */
  private readonly threads = pLimit(RENDER_THREADS);

  /** Render threads running now (tests). */
  get runningThreads(): number {
    return this.pool.threads.length;
  }

  /** The HTML for `source`, or VALIDATION_FAILED on `field` when it cannot be shown in bounded time or links too much. */
  async render(source: string, field = 'body'): Promise<string> {
    if (markdownNestingDepth(source) > MAX_MARKDOWN_NESTING) throw tooDeep(field);
    if (this.threads.pendingCount >= MAX_QUEUED_RENDERS) throw serviceUnavailable('The server is busy formatting posts. Try again in a few seconds.', 5);
    let outcome: RenderOutcome;
    try {
      outcome = await this.threads(() => this.timedRender(source));
    } catch (error) {
      // Over its time budget, or (rarer) over its thread's heap bound: either way the input is too costly to show.
      if ((error instanceof Error && error.name === 'AbortError') || (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw validationFailed([{ field, message: 'This text is too complex to format. Simplify its formatting (emphasis, quotes, lists) and try again.' }]);
      }
      throw error;
    }
    // Nesting the line check does not see (indentation) can still overflow the renderer's stack.
    if ('tooDeep' in outcome) throw tooDeep(field);
    // Counted as shown: Markdown links, bare addresses made links, and images kept as links.
    const links = countLinks(outcome.html);
    if (links > LIMITS.linksPerPost.max) {
      throw validationFailed([{ field, message: `A post may hold at most ${LIMITS.linksPerPost.max} links (this one has ${links}).` }]);
    }
    return outcome.html;
  }

  /**
   * One render in the pool, stopped once it has run `timeoutMs`. The budget starts when the thread starts the render
   * (the worker says so on `started`), so a thread replaced after a stopped render boots outside it.
   */
  private async timedRender(source: string): Promise<RenderOutcome> {
    const budget = new AbortController();
    const { port1: started, port2: startedInWorker } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    started.once('message', () => { timer = setTimeout(() => budget.abort(), this.timeoutMs); });
    try {
      return await this.pool.run({ source, options: this.options, started: startedInWorker }, { signal: budget.signal, transferList: [startedInWorker] });
    } finally {
      clearTimeout(timer);
      started.close();
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
