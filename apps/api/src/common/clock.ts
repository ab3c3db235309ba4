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
  /** While held, the instant the clock stands at: a test that checks a remaining time to the second holds it. */
  private heldAt: number | null = null;

  now(): Date {
    return new Date(this.heldAt ?? Date.now() + this.offsetMs);
  }

  advance(seconds: number): Date {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('A clock only moves forward');
    this.offsetMs += seconds * 1000;
    if (this.heldAt !== null) this.heldAt += seconds * 1000;
    return this.now();
  }

  /** Stops the clock where it is (advance still moves it), until release. */
  hold(): Date {
    this.heldAt ??= Date.now() + this.offsetMs;
    return this.now();
  }

  /** Lets the clock run again from where it stands, never backwards. */
  release(): void {
    if (this.heldAt === null) return;
    this.offsetMs = Math.max(this.offsetMs, this.heldAt - Date.now());
    this.heldAt = null;
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
