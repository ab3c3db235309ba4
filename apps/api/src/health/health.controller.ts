import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CLOCK, type Clock } from '../common/clock';
import { SEARCH_ENGINE, type SearchEngine } from '../search/search-engine';
import { SearchOutboxRepository } from '../search/search-outbox.repository';

@Controller()
export class HealthController {
  constructor(
    private readonly outbox: SearchOutboxRepository,
    @Inject(SEARCH_ENGINE) private readonly search: SearchEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * 200 while the database answers, 503 otherwise: what a load balancer or orchestrator polls. The
   * search backlog (changes not yet in the index: pushes to Meilisearch, or answers not yet in PostgreSQL vectors) is reported, never a reason for 503: a search
   * outage must not take the forum down, and the outbox catches up by itself.
   */
  @Get('healthz')
  async health(@Res() res: Response): Promise<void> {
    try {
      const outbox = await this.outbox.state();
      const oldest = outbox.oldestEnqueuedAt;
      res.status(200).json({
        status: 'ok',
        database: 'up',
        search: {
          engine: this.search.name,
          backlog: outbox.backlog,
          oldestPendingSeconds: oldest ? Math.max(0, Math.round((this.clock.now().getTime() - oldest.getTime()) / 1000)) : null,
        },
      });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  }
}
