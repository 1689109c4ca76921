import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { email, senderAddress } from './email';

const base: ConfigMap = { FEATURE_MAILING: true, MAIL_SERVER: 'smtp.example.com', MAIL_DEFAULT_SENDER: 'quay@example.com' };
const ctx = (config: ConfigMap) => ({ config, files: new Map(), now: new Date() });
const run = (config: ConfigMap) => email.rules(ctx(config)).map((f) => [f.code, f.fields, f.severity, f.stage]);

type Row = [string, ConfigMap, Array<[code: string, fields: string[], severity: 'error' | 'warning']>];

describe('Email rules', () => {
  it.each<Row>([
    ['defaults (587, STARTTLS)', base, []],
    ['missing server', { FEATURE_MAILING: true, MAIL_DEFAULT_SENDER: 'quay@example.com' }, [['required', ['MAIL_SERVER'], 'error']]],
    ['FEATURE_MAILING absent and no server', {}, [['mailing-default-on', ['FEATURE_MAILING'], 'warning']]],
    ['FEATURE_MAILING absent with a server means on', { MAIL_SERVER: 'smtp.example.com', MAIL_DEFAULT_SENDER: 'quay@example.com' }, []],
    ['port 0', { ...base, MAIL_PORT: 0 }, [['invalid-port', ['MAIL_PORT'], 'error']]],
    ['port 70000', { ...base, MAIL_PORT: 70000 }, [['invalid-port', ['MAIL_PORT'], 'error']]],
    ['port as a numeric string', { ...base, MAIL_PORT: '2525' }, []],
    ['port of the wrong type is left to the Schema check', { ...base, MAIL_PORT: true }, []],
    [
      'auth without credentials',
      { ...base, MAIL_USE_AUTH: true },
      [
        ['required', ['MAIL_USERNAME'], 'error'],
        ['required', ['MAIL_PASSWORD'], 'error'],
      ],
    ],
    ['auth with credentials', { ...base, MAIL_USE_AUTH: true, MAIL_USERNAME: 'u', MAIL_PASSWORD: 'p' }, []],
    ['credentials without MAIL_USE_AUTH', { ...base, MAIL_USERNAME: 'u', MAIL_PASSWORD: 'p' }, [['mail-auth-implicit', ['MAIL_USE_AUTH', 'MAIL_USERNAME', 'MAIL_PASSWORD'], 'warning']]],
    ['auth without TLS', { ...base, MAIL_USE_TLS: false, MAIL_USE_AUTH: true, MAIL_USERNAME: 'u', MAIL_PASSWORD: 'p' }, [['auth-without-tls', ['MAIL_USE_TLS'], 'warning']]],
    ['auth over implicit TLS', { ...base, MAIL_PORT: 465, MAIL_USE_SSL: true, MAIL_USE_TLS: false, MAIL_USE_AUTH: true, MAIL_USERNAME: 'u', MAIL_PASSWORD: 'p' }, []],
    ['FIPS without TLS', { ...base, MAIL_USE_TLS: false, FEATURE_FIPS: true }, [['fips-requires-tls', ['MAIL_USE_TLS', 'FEATURE_FIPS'], 'error']]],
    ['FIPS with the default TLS', { ...base, FEATURE_FIPS: true }, []],
    ['SSL with the default STARTTLS', { ...base, MAIL_PORT: 465, MAIL_USE_SSL: true }, [['ssl-and-starttls', ['MAIL_USE_TLS', 'MAIL_USE_SSL'], 'error']]],
    ['port 465 without SSL', { ...base, MAIL_PORT: 465 }, [['port-465-without-ssl', ['MAIL_PORT', 'MAIL_USE_SSL'], 'warning']]],
    ['bad sender', { ...base, MAIL_DEFAULT_SENDER: 'not an address' }, [['invalid-sender', ['MAIL_DEFAULT_SENDER'], 'error']]],
    ['named sender', { ...base, MAIL_DEFAULT_SENDER: 'Quay Registry <quay@example.com>' }, []],
    ['no sender', { FEATURE_MAILING: true, MAIL_SERVER: 'smtp.example.com' }, [['default-sender-missing', ['MAIL_DEFAULT_SENDER'], 'warning']]],
  ])('%s', (_name, config, expected) => {
    expect(run(config)).toEqual(expected.map(([c, f, s]) => [c, f, s, 'config']));
  });

  it.each([
    [{ FEATURE_MAILING: false }, 'FEATURE_MAILING is off'],
    [{ FEATURE_MAILING: true }, null],
    [{}, null],
  ])('skip reason for %j', (config, reason) => {
    expect(email.skipReason(ctx(config))).toBe(reason);
  });

  it.each([
    ['quay@example.com', 'quay@example.com'],
    ['Quay <quay@example.com>', 'quay@example.com'],
    ['"Quay, Inc." <quay@example.com>', 'quay@example.com'],
    ['quay@localhost', 'quay@localhost'],
    ['quay', null],
    ['a b@example.com', null],
    ['', undefined],
  ])('sender %j → %j', (text, addr) => {
    expect(senderAddress(text)).toBe(addr);
  });

  it('describes one SMTP probe, only when MAIL_SERVER is set', () => {
    expect(email.probes?.(ctx(base)).map((p) => p.name)).toEqual(['SMTP server smtp.example.com:587']);
    expect(email.probes?.(ctx({ ...base, MAIL_SERVER: undefined }))).toEqual([]);
  });

  it('never puts the password in a message', () => {
    const all = email.rules(ctx({ ...base, MAIL_USE_TLS: false, MAIL_USERNAME: 'u', MAIL_PASSWORD: 'hunter2-secret' }));
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(`${f.message} ${f.hint ?? ''}`).not.toContain('hunter2-secret');
  });
});
