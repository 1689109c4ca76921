import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/http';
import { acquire, MAX_RUNNING, MAX_WAITING, workQueueState } from '../../lib/api/work-queue';
import { clientKey } from '../../lib/server/client-key';
import { crossOriginRefusal, sameOrigin } from '../../lib/server/request-site';
import { createSessionToken, parseSessionToken, revokeSessionToken } from '../../lib/server/session';
import { AUTH_BURST, AUTH_REFILL_MS, takeAuthAttempt } from '../../lib/server/throttle';

/** The pieces the HTTPS gate is made of, one by one (the whole is replayed in network.test.ts). */

describe('session tokens', () => {
  it('are parsed strictly: a revoked token with anything appended or prepended stays refused', () => {
    const token = createSessionToken();
    for (const v of [`${token}.x`, `${token}x`, `x${token}`, `${token} `, `${token}.`, token.replace(/\.(\d+)\./, '.0$1.')]) expect(parseSessionToken(v), v).toBeNull();
    expect(parseSessionToken(token)).not.toBeNull();
    revokeSessionToken(`${token}.x`); // revoking a variant does nothing
    expect(parseSessionToken(token)).not.toBeNull();
    revokeSessionToken(token);
    expect(parseSessionToken(token)).toBeNull();
  });

  it('are revoked by session id: other sessions keep working', () => {
    const a = createSessionToken();
    const b = createSessionToken();
    revokeSessionToken(a);
    expect(parseSessionToken(b)?.id).toEqual(expect.any(String));
    expect(parseSessionToken(a)).toBeNull();
  });
});

describe('the password attempt budget', () => {
  it('is taken before the check, so a burst of parallel attempts gets only its share', () => {
    const now = 1_000_000;
    const attempts = Array.from({ length: 50 }, () => takeAuthAttempt('198.51.100.7', now));
    expect(attempts.filter((a) => a.ok)).toHaveLength(AUTH_BURST);
    const refused = attempts.find((a) => !a.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBe(AUTH_REFILL_MS / 1000);
    expect(takeAuthAttempt('198.51.100.7', now + AUTH_REFILL_MS).ok).toBe(true);
    expect(takeAuthAttempt('198.51.100.8', now).ok).toBe(true);
  });

  it('is given back by a right password', () => {
    const now = 2_000_000;
    for (let i = 0; i < 100; i++) {
      const a = takeAuthAttempt('198.51.100.9', now);
      expect(a.ok).toBe(true);
      if (a.ok) a.succeeded();
    }
  });
});

describe('client keys', () => {
  it('count an IPv4-mapped address as its IPv4 one and an IPv6 host by its /64', () => {
    expect(clientKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe(clientKey('2001:db8:1:2:bbbb::2'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey(undefined)).toBe('unknown');
  });
});

describe('cross-origin checks', () => {
  const host = 'quay-config.example:8443';
  it('compare origins as parsed URLs', () => {
    expect(sameOrigin('https://quay-config.example:8443', host)).toBe(true);
    expect(sameOrigin('https://QUAY-CONFIG.example:8443', host)).toBe(true);
    expect(sameOrigin('https://quay-config.example:443', 'quay-config.example')).toBe(true);
    for (const o of ['https://quay-config.example:9443', 'http://quay-config.example:8443', 'https://quay-config.example.evil:8443', 'null', 'https://quay-config.example:8443@evil.example'])
      expect(sameOrigin(o, host), o).toBe(false);
    expect(sameOrigin('https://quay-config.example:8443', 'quay-config.example:8443/x')).toBe(false);
  });

  it('refuse state changes from elsewhere and let non-browser clients through', () => {
    expect(crossOriginRefusal('POST', '/api/v2/validate', { host, origin: 'https://quay-config.example:9443', 'sec-fetch-site': 'same-site' })).toMatch(/same-site/);
    expect(crossOriginRefusal('DELETE', '/api/v2/session', { host, 'sec-fetch-site': 'cross-site' })).toMatch(/cross-site/);
    expect(crossOriginRefusal('POST', '/api/v2/validate', { host, origin: `https://${host}`, 'sec-fetch-site': 'same-origin' })).toBeNull();
    expect(crossOriginRefusal('POST', '/api/v2/validate', { host })).toBeNull();
    expect(crossOriginRefusal('GET', '/', { host, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).toBeNull();
  });
});

describe('the work queue', () => {
  it(`runs ${MAX_RUNNING}, queues ${MAX_WAITING}, and answers 503 with Retry-After past that`, async () => {
    const releases = await Promise.all(Array.from({ length: MAX_RUNNING }, () => acquire()));
    const waiting = Array.from({ length: MAX_WAITING }, () => acquire());
    const refused = await acquire().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(503);
    expect(Number((refused as ApiError).headers['retry-after'])).toBeGreaterThan(0);
    // A waiting client that hangs up leaves the line.
    const gone = new AbortController();
    for (const r of releases.splice(0, 1)) r();
    const next = await waiting[0];
    const abandoned = acquire(gone.signal).catch((e: unknown) => e);
    gone.abort();
    expect(((await abandoned) as ApiError).status).toBe(499);
    for (const r of [...releases, next]) r?.();
    for (const w of waiting.slice(1)) (await w)();
    expect(workQueueState()).toEqual({ running: 0, waiting: 0 });
  });
});
