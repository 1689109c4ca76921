import { ApiError } from './http';

/**
 * A bounded queue in front of the heavy routes (validation, bundle reading): a few run at once,
 * some more wait, and past that the answer is a 503 with Retry-After at once, instead of hundreds
 * of validations sharing two cores while health checks and the wizard stall. A waiting client that
 * hangs up leaves the queue. Shared through globalThis: Next bundles each route separately.
 */
export const MAX_RUNNING = 8;
export const MAX_WAITING = 64;
/** What a 503 suggests: about how long a queue of validations takes to move on. */
export const RETRY_AFTER_SECONDS = 5;

interface Queue {
  running: number;
  waiting: Array<() => void>;
}

const KEY = Symbol.for('quay-config.work-queue');
function queue(): Queue {
  const g = globalThis as Record<symbol, unknown>;
  g[KEY] ??= { running: 0, waiting: [] } satisfies Queue;
  return g[KEY] as Queue;
}

/** Runs `work` in a slot; the slot is held until the returned promise settles. */
export async function inWorkSlot<T>(signal: AbortSignal | undefined, work: () => Promise<T>): Promise<T> {
  const release = await acquire(signal);
  try {
    return await work();
  } finally {
    release();
  }
}

/** Takes a slot (waiting in line if needed) and returns its release; 503 when the line is full. */
export async function acquire(signal?: AbortSignal): Promise<() => void> {
  const q = queue();
  if (q.running >= MAX_RUNNING) {
    if (q.waiting.length >= MAX_WAITING) {
      throw new ApiError(503, `the server is busy (${q.running} validations running, ${q.waiting.length} waiting): try again in ${RETRY_AFTER_SECONDS} s`, {
        'retry-after': String(RETRY_AFTER_SECONDS),
      });
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', gaveUp);
        resolve();
      };
      const gaveUp = () => {
        const i = q.waiting.indexOf(turn);
        if (i >= 0) q.waiting.splice(i, 1);
        reject(new ApiError(499, 'the client closed the request while it waited'));
      };
      if (signal?.aborted) return gaveUp();
      signal?.addEventListener('abort', gaveUp, { once: true });
      q.waiting.push(turn);
    });
  } else {
    q.running++;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = q.waiting.shift();
    // The slot passes straight to the next in line (running stays the same), or frees up.
    if (next) next();
    else q.running--;
  };
}

/** Slots in use and clients waiting, for tests and figures. */
export function workQueueState(): { running: number; waiting: number } {
  const q = queue();
  return { running: q.running, waiting: q.waiting.length };
}
