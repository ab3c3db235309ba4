/** Time is injected so deadline rules are tested by moving a clock, never by sleeping. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/** Real time plus an offset that only moves forward: what tests (and `NODE_ENV=test` servers) use. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(seconds: number): Date {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('A clock only moves forward');
    this.offsetMs += seconds * 1000;
    return this.now();
  }
}

/** A clock set by hand: the demo seeder replays a community's history at the times it happened. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(at: Date): void {
    this.current = new Date(at);
  }
}
