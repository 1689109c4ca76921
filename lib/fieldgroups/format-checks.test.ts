import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { accessSettings } from './access-settings';
import { liveFormatFindings } from './format-checks';
import { hostSettings } from './host-settings/index';

const now = new Date('2026-06-01T00:00:00Z');
const server = (config: ConfigMap) => [
  ...hostSettings.rules({ config: { PREFERRED_URL_SCHEME: 'http', ...config }, files: new Map(), now }).map((f) => ({ group: 'HostSettings', finding: f })),
  ...accessSettings.rules({ config, files: new Map(), now }).map((f) => ({ group: 'AccessSettings', finding: f })),
];

describe('format checks run as you type', () => {
  it.each([
    ['a scheme in SERVER_HOSTNAME', { SERVER_HOSTNAME: 'https://quay.example.com/' }, ['hostname-has-scheme']],
    ['a path in SERVER_HOSTNAME', { SERVER_HOSTNAME: 'quay.example.com/quay' }, ['hostname-invalid']],
    ['a space in SERVER_HOSTNAME', { SERVER_HOSTNAME: 'quay example' }, ['hostname-invalid']],
    ['superusers Quay refuses', { SUPER_USERS: ['admin', 'Admin User!', 'a'] }, ['superuser-invalid-name', 'superuser-invalid-name']],
    ['good values', { SERVER_HOSTNAME: 'quay.example.com:8443', SUPER_USERS: ['admin', 'jane.doe'] }, []],
  ])('%s: the findings the server rules report, word for word', (_, config, codes) => {
    const live = liveFormatFindings(config);
    expect(live.map((l) => l.finding.code)).toEqual(codes);
    const reported = server(config);
    for (const l of live) expect(reported).toContainEqual(l);
  });

  it('says what is allowed with an example, never a regular expression', () => {
    const live = liveFormatFindings({ SERVER_HOSTNAME: 'quay example', SUPER_USERS: ['Admin User!'] });
    expect(live).toHaveLength(2);
    for (const { finding } of live) {
      expect(`${finding.message} ${finding.hint ?? ''}`).toMatch(/e\.g\. \S/);
      // Nor pattern notation such as a character class or host[:port].
      expect(`${finding.message} ${finding.hint ?? ''}`).not.toMatch(/[\^$]|\(\?|\[[^\]\d]/);
    }
  });

  it('leaves an empty host name to the "required" mark, and types to the schema check', () => {
    expect(liveFormatFindings({ SERVER_HOSTNAME: '', SUPER_USERS: 'admin' })).toEqual([]);
  });

  it('imports no Node API, so it can run in the browser', () => {
    const files = ['format-checks.ts', 'super-users.ts', 'host-settings/hostname-syntax.ts', '../config/ip-address.ts', '../report/findings.ts'];
    for (const f of files) expect(readFileSync(path.join(import.meta.dirname, f), 'utf8')).not.toMatch(/from 'node:|require\(/);
  });
});
