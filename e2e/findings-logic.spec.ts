// Browser-free checks of where findings go and how they are counted (see logic.spec.ts).
import { expect, test } from '@playwright/test';
import { homeSection, renderedPaths, targetOf, uniqueFindings, type GroupFinding } from '../components/editor/findings';
import type { FormModel } from '../components/editor/form-model';

const model: FormModel = {
  sections: [
    { id: 'server-tls', title: 'Server and TLS', description: '', groups: ['HostSettings', 'CACertificates'] },
    { id: 'features', title: 'Features', description: '', groups: ['Schema'] },
    { id: 'advanced', title: 'Advanced and other', description: '', groups: ['Schema'] },
  ],
  keys: [],
  oidc: null,
  storageEngines: {},
};
const finding = (fields: string[], group: string): GroupFinding => ({ severity: 'warning', fields, stage: 'config', code: 'x', message: 'm', group, source: 'server' });

test.describe('findings logic', () => {
  test('a key outside the schema is listed under "Advanced and other", not in the reporting group\'s first section', () => {
    const sectionOfKey = new Map([
      ['SERVER_HOSTNAME', 'server-tls'],
      ['FEATURE_MAILING', 'features'],
    ]);
    expect(homeSection(finding(['FEATURE_MAILNG'], 'Schema'), model, sectionOfKey)).toBe('advanced');
    expect(homeSection(finding(['FEATURE_MAILING'], 'Schema'), model, sectionOfKey)).toBe('features');
    expect(homeSection(finding(['ssl.cert'], 'HostSettings'), model, sectionOfKey)).toBe('server-tls');
    // A file no section edits still goes by its group.
    expect(homeSection(finding(['other-ca.pem'], 'CACertificates'), model, sectionOfKey)).toBe('server-tls');
    expect(homeSection(finding([], 'Schema'), model, sectionOfKey)).toBe('features');
  });

  test('a problem found by the server and by the as-you-type check is shown once, as the server reports it', () => {
    const server = { ...finding(['BUILDLOGS_REDIS.port'], 'Redis'), severity: 'error' as const, message: 'BUILDLOGS_REDIS.port must be an integer' };
    const client = { ...server, group: 'Schema', source: 'client' as const };
    const other = { ...server, fields: ['USER_EVENTS_REDIS.port'], message: 'USER_EVENTS_REDIS.port must be an integer' };
    expect(uniqueFindings([server, other, client, { ...other, group: 'Schema', source: 'client' }])).toEqual([server, other]);
    // Same key, another problem: both stay.
    expect(uniqueFindings([server, { ...client, message: 'BUILDLOGS_REDIS.port must be at most 65535' }])).toHaveLength(2);
  });

  test('a failed database login goes to the password input of DB_URI while the URI is edited as parts', () => {
    const spec = { path: 'DB_URI', key: 'DB_URI', schema: { type: 'string' }, required: true, ui: { title: 'Database' } };
    const parts = renderedPaths([spec], { DB_URI: 'postgresql://quay:wrong@db.example.com:5432/quay' }, model);
    expect(targetOf({ fields: ['DB_URI'], stage: 'auth' }, parts)).toBe('DB_URI.password');
    expect(targetOf({ fields: ['DB_URI'], stage: 'tcp' }, parts)).toBe('DB_URI');
    // A URI that cannot be split is edited as text: the finding stays on the row.
    const raw = renderedPaths([spec], { DB_URI: 'not a uri' }, model);
    expect(targetOf({ fields: ['DB_URI'], stage: 'auth' }, raw)).toBe('DB_URI');
  });
});
