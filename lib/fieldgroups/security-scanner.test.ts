import { jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { generateClairPsk } from '../keys/psk';
import { indexStateUrl, signQuayJwt } from '../probes/clair';
import { securityScanner } from './security-scanner';

const PSK = generateClairPsk();
const base: ConfigMap = { FEATURE_SECURITY_SCANNER: true, SECURITY_SCANNER_V4_ENDPOINT: 'http://clair.example.com:8080', SECURITY_SCANNER_V4_PSK: PSK };
const ctx = (config: ConfigMap) => ({ config, files: new Map(), now: new Date() });
const run = (config: ConfigMap) => securityScanner.rules(ctx(config)).map((f) => [f.code, f.fields, f.severity, f.stage]);

type Row = [string, ConfigMap, Array<[code: string, fields: string[], severity: 'error' | 'warning']>];

describe('SecurityScanner rules', () => {
  it.each<Row>([
    ['v4 with a strong PSK', base, []],
    ['no endpoint', { FEATURE_SECURITY_SCANNER: true }, [['scanner-endpoint-required', ['SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_ENDPOINT'], 'error']]],
    ['v4 not a URL', { ...base, SECURITY_SCANNER_V4_ENDPOINT: 'clair:8080' }, [['invalid-url', ['SECURITY_SCANNER_V4_ENDPOINT'], 'error']]],
    ['v4 ftp URL', { ...base, SECURITY_SCANNER_V4_ENDPOINT: 'ftp://clair' }, [['invalid-url', ['SECURITY_SCANNER_V4_ENDPOINT'], 'error']]],
    ['v4 with a path Quay drops', { ...base, SECURITY_SCANNER_V4_ENDPOINT: 'https://proxy.example.com/clair/' }, [['endpoint-path-ignored', ['SECURITY_SCANNER_V4_ENDPOINT'], 'warning']]],
    ['v2 only', { FEATURE_SECURITY_SCANNER: true, SECURITY_SCANNER_ENDPOINT: 'http://clair:6060' }, [['clair-v2-deprecated', ['SECURITY_SCANNER_ENDPOINT'], 'warning']]],
    ['v2 not a URL', { ...base, SECURITY_SCANNER_ENDPOINT: 'nope' }, [['invalid-url', ['SECURITY_SCANNER_ENDPOINT'], 'error']]],
    ['PSK missing', { ...base, SECURITY_SCANNER_V4_PSK: undefined }, [['psk-missing', ['SECURITY_SCANNER_V4_PSK'], 'warning']]],
    ['PSK empty', { ...base, SECURITY_SCANNER_V4_PSK: '' }, [['psk-missing', ['SECURITY_SCANNER_V4_PSK'], 'warning']]],
    ['PSK without padding', { ...base, SECURITY_SCANNER_V4_PSK: 'MTU5YzA4Y2ZkNzJoMQ' }, [['psk-not-base64', ['SECURITY_SCANNER_V4_PSK'], 'error']]],
    ['PSK in URL-safe base64', { ...base, SECURITY_SCANNER_V4_PSK: PSK.replace(/\+/g, '-').replace(/\//g, '_').replace(/^./, '-') }, [['psk-not-base64', ['SECURITY_SCANNER_V4_PSK'], 'error']]],
    ['weak PSK (the documentation example)', { ...base, SECURITY_SCANNER_V4_PSK: 'MTU5YzA4Y2ZkNzJoMQ==' }, [['psk-weak', ['SECURITY_SCANNER_V4_PSK'], 'warning']]],
    ['PSK of the wrong type', { ...base, SECURITY_SCANNER_V4_PSK: 12 }, []],
    ['interval zero', { ...base, SECURITY_SCANNER_INDEXING_INTERVAL: 0 }, [['not-positive', ['SECURITY_SCANNER_INDEXING_INTERVAL'], 'error']]],
    ['interval positive', { ...base, SECURITY_SCANNER_INDEXING_INTERVAL: 30 }, []],
    ['layer size 8G', { ...base, SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE: '8G' }, []],
    ['layer size 8GB', { ...base, SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE: '8GB' }, [['invalid-layer-size', ['SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE'], 'error']]],
    ['layer size 8g', { ...base, SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE: '8g' }, [['invalid-layer-size', ['SECURITY_SCANNER_V4_INDEX_MAX_LAYER_SIZE'], 'error']]],
    ["config-tool's notification key", { ...base, SECURITY_SCANNER_NOTIFICATIONS: true }, [['notifications-key-ignored', ['SECURITY_SCANNER_NOTIFICATIONS'], 'warning']]],
    [
      'both notification keys agree',
      { ...base, SECURITY_SCANNER_NOTIFICATIONS: true, FEATURE_SECURITY_NOTIFICATIONS: true },
      [['notifications-key-ignored', ['SECURITY_SCANNER_NOTIFICATIONS'], 'warning']],
    ],
    [
      'notifications without v4',
      { FEATURE_SECURITY_SCANNER: true, SECURITY_SCANNER_ENDPOINT: 'http://clair:6060', FEATURE_SECURITY_NOTIFICATIONS: true },
      [
        ['clair-v2-deprecated', ['SECURITY_SCANNER_ENDPOINT'], 'warning'],
        ['notifications-need-v4', ['FEATURE_SECURITY_NOTIFICATIONS', 'SECURITY_SCANNER_V4_ENDPOINT'], 'warning'],
      ],
    ],
  ])('%s', (_name, config, expected) => {
    expect(run(config)).toEqual(expected.map(([c, f, s]) => [c, f, s, 'config']));
  });

  it('says which way the notification keys disagree', () => {
    const [f] = securityScanner.rules(ctx({ ...base, SECURITY_SCANNER_NOTIFICATIONS: true }));
    expect(f?.message).toContain('FEATURE_SECURITY_NOTIFICATIONS, which is off');
    expect(f?.hint).toBe('set FEATURE_SECURITY_NOTIFICATIONS: true and remove SECURITY_SCANNER_NOTIFICATIONS');
  });

  it.each([
    [{}, 'FEATURE_SECURITY_SCANNER is off'],
    [{ FEATURE_SECURITY_SCANNER: false }, 'FEATURE_SECURITY_SCANNER is off'],
    [{ FEATURE_SECURITY_SCANNER: true }, null],
  ])('skip reason for %j', (config, reason) => {
    expect(securityScanner.skipReason(ctx(config))).toBe(reason);
  });

  it('describes one probe per configured endpoint, tied to the endpoint and PSK', () => {
    const probes = securityScanner.probes?.(ctx({ ...base, SECURITY_SCANNER_ENDPOINT: 'http://clair:6060' })) ?? [];
    expect(probes.map((p) => p.fields)).toEqual([['SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_V4_PSK'], ['SECURITY_SCANNER_ENDPOINT']]);
    expect(securityScanner.probes?.(ctx({ ...base, SECURITY_SCANNER_V4_ENDPOINT: 'nope' }))).toEqual([]);
  });
});

describe('Clair v4 request, as Quay makes it', () => {
  it.each([
    ['http://clair:8080', 'http://clair:8080/indexer/api/v1/index_state'],
    ['http://clair:8080/', 'http://clair:8080/indexer/api/v1/index_state'],
    ['https://proxy/clair/', 'https://proxy/indexer/api/v1/index_state'],
  ])('joins %s like urljoin', (endpoint, url) => {
    expect(indexStateUrl(endpoint)).toBe(url);
  });

  it('signs HS256 with the decoded PSK, iss quay, exp now + 5 min', async () => {
    const key = new Uint8Array(Buffer.from(PSK, 'base64'));
    const now = new Date();
    const token = await signQuayJwt(key, now);
    const { payload, protectedHeader } = await jwtVerify(token, key, { issuer: 'quay', algorithms: ['HS256'] });
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({ iss: 'quay', exp: Math.floor(now.getTime() / 1000) + 300 });
  });
});
