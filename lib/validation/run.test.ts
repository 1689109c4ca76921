import { describe, expect, it } from 'vitest';
import { validateConfig } from './run';
import { redact, collectSecrets } from '../config/redact';

const base = { config: {}, files: new Map<string, Uint8Array>() };

describe('validateConfig', () => {
  it('reports every registered group, in registry order, and groups not asked for as skipped', async () => {
    const report = await validateConfig(base, { mode: 'offline', groups: ['Redis'] });
    expect(report.mode).toBe('offline');
    const redis = report.groups.find((g) => g.group === 'Redis');
    expect(redis?.status).not.toBe('skipped');
    const others = report.groups.filter((g) => g.group !== 'Redis');
    expect(others.every((g) => g.status === 'skipped' && g.skippedReason === 'not requested')).toBe(true);
    expect(report.groups.at(-1)?.group).toBe('Schema');
  });

  it('is valid iff no finding is an error', async () => {
    const report = await validateConfig(base, { mode: 'offline', groups: [] as never[] });
    expect(report.valid).toBe(report.groups.every((g) => g.findings.every((f) => f.severity !== 'error')));
  });
});

describe('redaction', () => {
  it('collects passwords from secret-named keys and from URIs, and redacts them', () => {
    const secrets = collectSecrets({
      DB_URI: 'postgresql://quay:s3cr%40t@db:5432/quay',
      BUILDLOGS_REDIS: { host: 'r', password: 'redis-pass' },
      SECURITY_SCANNER_V4_PSK: 'cHNrLXZhbHVl',
      SERVER_HOSTNAME: 'quay.example.com',
    });
    expect(secrets).toEqual(expect.arrayContaining(['s3cr%40t', 's3cr@t', 'redis-pass', 'cHNrLXZhbHVl']));
    expect(secrets).not.toContain('quay.example.com');
    expect(redact('auth failed for redis-pass and s3cr@t', secrets)).toBe('auth failed for *** and ***');
    const sas = collectSecrets({ DISTRIBUTED_STORAGE_CONFIG: { az: ['AzureStorage', { endpoint_url: 'https://a.blob.core.windows.net/?sv=2022&sig=AbCdEf%2B123' }] } });
    expect(sas).toContain('AbCdEf%2B123');
  });

  it("masks a secret only as a whole token, so the tool's own words survive", () => {
    expect(redact('passwords cross the network in clear', ['pass'])).toBe('passwords cross the network in clear');
    expect(redact('postgres://quay:pass@db/quay and pass, "pass"', ['pass'])).toBe('postgres://quay:***@db/quay and ***, "***"');
    expect(redact('bypass the pass', ['pass'])).toBe('bypass the ***');
    // A secret that starts or ends with punctuation has no word edge to respect there.
    expect(redact('key=x-pass- and x-pass-y', ['-pass-'])).toBe('key=x*** and x***y');
  });

  it('never turns a message word into a clue about a short password (DB password "pass")', async () => {
    const report = await validateConfig(
      { config: { DB_URI: 'postgresql://quay:pass@db.example.com/quay', PREFERRED_URL_SCHEME: 'http', SERVER_HOSTNAME: 'quay.example.com' }, files: new Map() },
      { mode: 'offline' },
    );
    const text = JSON.stringify(report);
    expect(text).not.toContain('***word');
    expect(text).toContain('passwords');
    expect(text).not.toMatch(/quay:pass@/);
  });
});
