/**
 * One budget of password attempts per client, shared by HTTP Basic and the login form. A token is
 * taken *before* the password is compared, so parallel requests cannot all get in under one check;
 * a right password gives its token back. An empty budget is a 429 with Retry-After, whatever the
 * password (answering a right one would still let a guess through). Lives on globalThis so the
 * HTTPS wrapper (Basic) and the login route (bundled separately by Next) share it.
 */

/** Failed attempts a client may make in a burst. */
export const AUTH_BURST = 10;
/** One more attempt becomes available this often: 10 a minute, sustained. */
export const AUTH_REFILL_MS = 6_000;
/** Clients tracked at most; full buckets are dropped first. */
const MAX_CLIENTS = 10_000;

interface Bucket {
  tokens: number;
  updated: number;
}

const KEY = Symbol.for('quay-config.auth-budget');
function buckets(): Map<string, Bucket> {
  const g = globalThis as Record<symbol, unknown>;
  if (!(g[KEY] instanceof Map)) g[KEY] = new Map<string, Bucket>();
  return g[KEY] as Map<string, Bucket>;
}

export type AuthAttempt = { ok: true; /** The password was right: the attempt does not count. */ succeeded(): void } | { ok: false; retryAfterSeconds: number };

/** Takes one attempt from the client's budget, or says when the next one is possible. */
export function takeAuthAttempt(client: string, now = Date.now()): AuthAttempt {
  const all = buckets();
  const b = refilled(all.get(client), now);
  if (b.tokens < 1) {
    all.set(client, b);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - b.tokens) * AUTH_REFILL_MS) / 1000)) };
  }
  b.tokens -= 1;
  all.delete(client); // re-inserted last: the map stays in least-recently-used order
  all.set(client, b);
  if (all.size > MAX_CLIENTS) prune(all, now);
  let settled = false;
  return {
    ok: true,
    succeeded() {
      if (settled) return;
      settled = true;
      const current = all.get(client);
      if (current) current.tokens = Math.min(AUTH_BURST, current.tokens + 1);
    },
  };
}

function refilled(b: Bucket | undefined, now: number): Bucket {
  if (!b) return { tokens: AUTH_BURST, updated: now };
  const gained = Math.max(0, now - b.updated) / AUTH_REFILL_MS;
  return { tokens: Math.min(AUTH_BURST, b.tokens + gained), updated: now };
}

function prune(all: Map<string, Bucket>, now: number): void {
  for (const [k, b] of all) if (refilled(b, now).tokens >= AUTH_BURST) all.delete(k);
  for (const k of all.keys()) {
    if (all.size <= MAX_CLIENTS / 2) break;
    all.delete(k); // the least recently used
  }
}
