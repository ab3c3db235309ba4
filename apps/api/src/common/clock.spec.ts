import { AdjustableClock } from './clock';

describe('AdjustableClock', () => {
  it('stands still while held, moves by advance, and runs on from where it stood, never backwards', async () => {
    const clock = new AdjustableClock();
    const held = clock.hold().getTime();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now().getTime()).toBe(held);
    expect(clock.advance(60).getTime()).toBe(held + 60_000);
    clock.release();
    const after = clock.now().getTime();
    expect(after).toBeGreaterThanOrEqual(held + 60_000);
    expect(after).toBeLessThan(held + 61_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now().getTime()).toBeGreaterThan(after);
  });
});
