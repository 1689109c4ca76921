import type { EventLoopUtilization } from 'node:perf_hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exposedGc, startIdleGc } from './idle-gc';

const MiB = 1024 * 1024;

/** A server whose heap and event loop the test sets, checked every tick of fake time. */
function watched(opts: { heap: number; busy: number }) {
  const state = { ...opts, collections: 0 };
  const stop = startIdleGc({
    intervalMs: 1000,
    gc: () => {
      state.collections += 0.5; // called twice per collection
      state.heap = 40 * MiB;
    },
    heapUsed: () => state.heap,
    utilization: () => ({ utilization: state.busy, idle: 0, active: 0 }) as EventLoopUtilization,
  });
  return { state, stop };
}

afterEach(() => vi.useRealTimers());

describe('idle garbage collection', () => {
  it('collects once when the loop turns quiet after a busy spell, never during one', () => {
    vi.useFakeTimers();
    const { state, stop } = watched({ heap: 40 * MiB, busy: 0.9 });
    vi.advanceTimersByTime(5000);
    expect(state.collections).toBe(0);
    state.busy = 0.01;
    vi.advanceTimersByTime(1000);
    expect(state.collections).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(1); // quiet since: nothing new to collect
    state.busy = 0.05; // a health check now and then is neither busy nor quiet
    vi.advanceTimersByTime(10_000);
    expect(state.collections).toBe(1);
    stop();
  });

  it('also collects when quiet once the heap grew by the threshold, however slowly', () => {
    vi.useFakeTimers();
    const { state, stop } = watched({ heap: 40 * MiB, busy: 0.01 });
    state.heap = 50 * MiB;
    vi.advanceTimersByTime(5000);
    expect(state.collections).toBe(0);
    state.heap = 60 * MiB;
    vi.advanceTimersByTime(1000);
    expect(state.collections).toBe(1);
    stop();
  });

  it("reaches V8's real collector without --expose-gc on the command line", () => {
    const gc = exposedGc();
    expect(typeof gc).toBe('function');
    gc();
  });
});
