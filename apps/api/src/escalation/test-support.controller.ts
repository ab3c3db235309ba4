import { BadRequestException, Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { AdjustableClock, CLOCK, type Clock } from '../common/clock';
import { type SweepResult, EscalationSweep } from './escalation.sweep';

/**
 * Test-only routes for end-to-end and browser tests, which cannot reach into the process: move the
 * clock and run a sweep now. Registered only when NODE_ENV=test (see EscalationModule).
 */
@Controller('test')
export class TestSupportController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sweep: EscalationSweep,
  ) {}

  @Post('clock')
  @HttpCode(200)
  advanceClock(@Body() body: { advanceSeconds?: unknown }): { now: string } {
    const seconds = Number(body?.advanceSeconds);
    if (!(this.clock instanceof AdjustableClock)) throw new Error('The test clock needs NODE_ENV=test');
    if (!Number.isFinite(seconds) || seconds < 0) throw new BadRequestException('advanceSeconds must be a number of seconds, 0 or more.');
    return { now: this.clock.advance(seconds).toISOString() };
  }

  @Post('sweep')
  @HttpCode(200)
  runSweep(): Promise<SweepResult> {
    return this.sweep.runOnce();
  }
}
