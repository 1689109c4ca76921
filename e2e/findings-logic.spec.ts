// Browser-free checks of where findings go and how they are counted (see logic.spec.ts).
import { expect, test } from '@playwright/test';
import { homeSection, type GroupFinding } from '../components/editor/findings';
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
    const sectionOfKey = new Map([['SERVER_HOSTNAME', 'server-tls'], ['FEATURE_MAILING', 'features']]);
    expect(homeSection(finding(['FEATURE_MAILNG'], 'Schema'), model, sectionOfKey)).toBe('advanced');
    expect(homeSection(finding(['FEATURE_MAILING'], 'Schema'), model, sectionOfKey)).toBe('features');
    expect(homeSection(finding(['ssl.cert'], 'HostSettings'), model, sectionOfKey)).toBe('server-tls');
    // A file no section edits still goes by its group.
    expect(homeSection(finding(['other-ca.pem'], 'CACertificates'), model, sectionOfKey)).toBe('server-tls');
    expect(homeSection(finding([], 'Schema'), model, sectionOfKey)).toBe('features');
  });
});
