// Browser-free checks of the wizard's pure logic (run by Playwright with the other specs: the unit
// test runner only looks under lib/ and test/).
import { expect, test } from '@playwright/test';
import { buildDbUri, maskDbUri, parseDbUri } from '../components/form/db-uri';
import { changedPinnedKeys, diffConfig } from '../components/editor/config-diff';
import { parentPath, placeFindings, targetOf, type GroupFinding } from '../components/editor/findings';
import { readLocations, writeLocations } from '../components/form/storage/storage-model';
import { shows } from '../components/form/show-if';
import { ENDPOINT_KINDS, endpointKindOf, withEndpointKind } from '../components/form/endpoint-kinds';
import { exportFileName, secretTargetProblems } from '../components/editor/bundle-export';

test.describe('pure logic', () => {
  test('DB_URI: a password with reserved characters is percent-encoded and parsed back', () => {
    const parts = { scheme: 'postgresql', user: 'quay', password: 'p@ss/w:rd%', host: 'db.example.com', port: '5432', database: 'quay', query: 'sslmode=verify-full' };
    const uri = buildDbUri(parts);
    expect(uri).toBe('postgresql://quay:p%40ss%2Fw%3Ard%25@db.example.com:5432/quay?sslmode=verify-full');
    expect(parseDbUri(uri)).toEqual(parts);
    expect(maskDbUri(uri)).not.toContain('p%40ss');
    expect(parseDbUri('postgresql://[::1]:5432/quay')?.host).toBe('[::1]');
    expect(parseDbUri('not a uri')).toBeNull();
  });

  test('findings go to the most specific rendered field; failed logins to the password', () => {
    const paths = new Set([
      'BUILDLOGS_REDIS',
      'BUILDLOGS_REDIS.host',
      'BUILDLOGS_REDIS.password',
      'DISTRIBUTED_STORAGE_CONFIG',
      'DISTRIBUTED_STORAGE_CONFIG.default',
      'DISTRIBUTED_STORAGE_CONFIG.default[1].s3_bucket',
    ]);
    expect(parentPath('DISTRIBUTED_STORAGE_CONFIG.default[1].s3_bucket')).toBe('DISTRIBUTED_STORAGE_CONFIG.default[1]');
    expect(targetOf({ fields: ['BUILDLOGS_REDIS.host'] }, paths)).toBe('BUILDLOGS_REDIS.host');
    expect(targetOf({ fields: ['BUILDLOGS_REDIS'], stage: 'auth' }, paths)).toBe('BUILDLOGS_REDIS.password');
    expect(targetOf({ fields: ['BUILDLOGS_REDIS'], stage: 'tcp' }, paths)).toBe('BUILDLOGS_REDIS');
    expect(targetOf({ fields: ['DISTRIBUTED_STORAGE_CONFIG.default[1].s3_region'] }, paths)).toBe('DISTRIBUTED_STORAGE_CONFIG.default');
    expect(targetOf({ fields: ['DISTRIBUTED_STORAGE_PREFERENCE'] }, paths)).toBe('DISTRIBUTED_STORAGE_CONFIG');
    const f = (fields: string[]): GroupFinding => ({ severity: 'error', fields, stage: 'config', code: 'x', message: 'm', group: 'Redis', source: 'server' });
    const placed = placeFindings([f(['BUILDLOGS_REDIS.port']), f(['DB_URI'])], paths, new Set());
    expect(placed.at.get('BUILDLOGS_REDIS.port')).toBeUndefined();
    expect(placed.at.get('BUILDLOGS_REDIS')).toHaveLength(1);
    expect(placed.unplaced).toHaveLength(1);
  });

  test('the diff never shows secret values, and pinned keys are detected', () => {
    const before = { SECRET_KEY: 'a'.repeat(40), DB_URI: 'postgresql://q:old@h/d', BUILDLOGS_REDIS: { host: 'r1', password: 'x1' }, REGISTRY_TITLE: 'A' };
    const after = { SECRET_KEY: 'b'.repeat(40), DB_URI: 'postgresql://q:new@h/d', BUILDLOGS_REDIS: { host: 'r2', password: 'x2' }, REGISTRY_TITLE: 'A', NEW: 1 };
    const diff = diffConfig(before, after);
    const text = JSON.stringify(diff);
    for (const secret of ['a'.repeat(40), 'b'.repeat(40), 'old', 'new@', 'x1', 'x2']) expect(text).not.toContain(secret);
    expect(diff.find((d) => d.path === 'BUILDLOGS_REDIS.host')).toMatchObject({ kind: 'changed', before: 'r1', after: 'r2' });
    expect(diff.find((d) => d.path === 'BUILDLOGS_REDIS.password')).toMatchObject({ secret: true });
    expect(diff.find((d) => d.path === 'DB_URI')?.after).toContain('password changed');
    expect(diff.find((d) => d.path === 'NEW')).toMatchObject({ kind: 'added' });
    expect(changedPinnedKeys(before, after)).toEqual(['SECRET_KEY']);
    expect(changedPinnedKeys(undefined, after)).toEqual([]);
  });

  test('storage locations round-trip in preference order', () => {
    const config = { a: ['S3Storage', { s3_bucket: 'x' }], b: ['LocalStorage', { storage_path: '/p' }], broken: 'nope' };
    const locations = readLocations(config, ['b', 'a'], ['a']);
    expect(locations.map((l) => l.id)).toEqual(['b', 'a', 'broken']);
    expect(locations.find((l) => l.id === 'a')?.isDefault).toBe(true);
    expect(locations.find((l) => l.id === 'broken')?.malformed).toBe('nope');
    expect(writeLocations(locations)).toEqual({ config, preference: ['b', 'a', 'broken'], defaults: ['a'] });
  });

  test('showIf: equals, in, truthy (Python truthiness), nested paths and all', () => {
    const values = { AUTHENTICATION_TYPE: 'LDAP', FEATURE_MAILING: 'false', LOGS_MODEL_CONFIG: { producer: 'kafka' } };
    expect(shows({ key: 'AUTHENTICATION_TYPE', equals: 'LDAP' }, values)).toBe(true);
    expect(shows({ key: 'AUTHENTICATION_TYPE', in: ['Database', 'JWT'] }, values)).toBe(false);
    // The string "false" is true to Quay (Python truthiness): the mail fields show.
    expect(shows({ key: 'FEATURE_MAILING', truthy: true }, values)).toBe(true);
    expect(shows({ key: 'LOGS_MODEL_CONFIG.producer', equals: 'kafka' }, values)).toBe(true);
    expect(
      shows(
        {
          all: [
            { key: 'AUTHENTICATION_TYPE', equals: 'LDAP' },
            { key: 'MISSING', truthy: true },
          ],
        },
        values,
      ),
    ).toBe(false);
  });

  test("endpoint kinds: hosted when the service's endpoints are set (GitLab also when absent), switching keeps other keys", () => {
    const github = ENDPOINT_KINDS.GITHUB_LOGIN_CONFIG;
    const gitlab = ENDPOINT_KINDS.GITLAB_TRIGGER_CONFIG;
    if (!github || !gitlab) throw new Error('endpoint kinds missing');
    expect(endpointKindOf({ GITHUB_ENDPOINT: 'https://GitHub.com', API_ENDPOINT: 'https://api.github.com/' }, github)).toBe('hosted');
    // github.com without its API endpoint is not the hosted set-up Quay needs: both fields stay visible.
    expect(endpointKindOf({ GITHUB_ENDPOINT: 'https://github.com/' }, github)).toBe('self-hosted');
    expect(endpointKindOf({}, github)).toBe('self-hosted');
    expect(endpointKindOf({}, gitlab)).toBe('hosted');
    expect(endpointKindOf({ GITLAB_ENDPOINT: 'https://gitlab.example.com/' }, gitlab)).toBe('self-hosted');
    const hosted = withEndpointKind({ CLIENT_ID: 'c', GITHUB_ENDPOINT: 'https://ghe.example.com/' }, github, 'hosted');
    expect(hosted).toEqual({ CLIENT_ID: 'c', GITHUB_ENDPOINT: 'https://github.com/', API_ENDPOINT: 'https://api.github.com/' });
    expect(withEndpointKind(hosted, github, 'self-hosted')).toEqual({ CLIENT_ID: 'c' });
    // An own endpoint is never dropped by choosing self-hosted again; no stray GITLAB_TRIGGER_KIND.
    expect(withEndpointKind({ GITLAB_ENDPOINT: 'https://gitlab.example.com/' }, gitlab, 'self-hosted')).toEqual({ GITLAB_ENDPOINT: 'https://gitlab.example.com/' });
    expect(withEndpointKind({}, gitlab, 'hosted')).toEqual({ GITLAB_ENDPOINT: 'https://gitlab.com/' });
  });

  test('Secret name and namespace are checked as Kubernetes does; the file is named after the Secret', () => {
    expect(secretTargetProblems({ name: 'quay-config-bundle', namespace: '' })).toEqual({ name: null, namespace: null });
    expect(secretTargetProblems({ name: 'quay.config-bundle', namespace: 'quay-ns' })).toEqual({ name: null, namespace: null });
    expect(secretTargetProblems({ name: 'Quay_Bundle', namespace: 'quay.ns' }).name).toContain('lower case');
    expect(secretTargetProblems({ name: 'ok', namespace: 'quay.ns' }).namespace).toContain("alphanumeric characters or '-'");
    expect(secretTargetProblems({ name: '', namespace: '' }).name).toBe('must not be empty');
    expect(exportFileName({ format: 'k8s-secret', name: ' my-bundle ', namespace: '' })).toBe('my-bundle.yaml');
    expect(exportFileName({ format: 'tarball' })).toBe('quay-config.tar.gz');
  });
});
