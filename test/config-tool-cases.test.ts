import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../lib/validation/run';
import type { ConfigMap } from '../lib/config/values';
import type { FieldGroupId, Finding } from '../lib/report/types';
import { FIELD_GROUP_IDS } from '../lib/report/types';

/**
 * quay/config-tool's own Go test cases (test/fixtures/config-tool-cases/cases.json), each validated
 * offline for Quay 3.9: the case's field group must agree with config-tool's verdict (valid <=> the
 * group has no error), or, where config-tool's test is known to be wrong, with Quay's real verdict
 * (`quayVerdict`, with the evidence in the case). Cases that need a live service are listed in the
 * fixture's `excluded` with the reason, and are checked here to stay out of the asserted set.
 */
interface Source {
  repo: string;
  path: string;
  commit: string;
}
interface Case {
  id: string;
  fieldGroup: FieldGroupId;
  source: Source;
  config: ConfigMap;
  files?: Record<string, string>;
  configToolValid: boolean;
  quayVerdict?: boolean;
  quayVerdictEvidence?: string;
  note: string;
}
interface Excluded {
  id: string;
  fieldGroup: FieldGroupId;
  source: Source;
  config: ConfigMap;
  configToolValid: boolean;
  reason: string;
}

const fixture = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/config-tool-cases/cases.json'), 'utf8')) as {
  cases: Case[];
  excluded: Excluded[];
};

async function groupErrors(c: Case): Promise<Finding[]> {
  const files = new Map(Object.entries(c.files ?? {}).map(([name, text]) => [name, new TextEncoder().encode(text)] as const));
  const report = await validateConfig({ config: c.config, files }, { mode: 'offline', quayVersion: '3.9' });
  const group = report.groups.find((g) => g.group === c.fieldGroup);
  if (!group) throw new Error(`no ${c.fieldGroup} group in the report`);
  return group.findings.filter((f) => f.severity === 'error');
}

describe('config-tool test cases (Quay 3.9, offline)', () => {
  it('every case is traced to an upstream test file at a commit, with a unique id and a known field group', () => {
    const all = [...fixture.cases, ...fixture.excluded];
    expect(fixture.cases.length).toBeGreaterThanOrEqual(90);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const c of all) {
      expect(FIELD_GROUP_IDS).toContain(c.fieldGroup);
      expect(c.source.repo).toMatch(/^quay\/(quay|config-tool)$/);
      expect(c.source.path).toMatch(/_test\.go$/);
      expect(c.source.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(c.id.startsWith(`${c.fieldGroup}/`)).toBe(true);
    }
    for (const c of fixture.excluded) expect(c.reason.length).toBeGreaterThan(40);
    // A case where we follow Quay rather than config-tool's test says why, with a citation.
    for (const c of fixture.cases.filter((x) => x.quayVerdict !== undefined)) {
      expect(c.quayVerdict).not.toBe(c.configToolValid);
      expect(c.quayVerdictEvidence ?? '').toMatch(/@[0-9a-f]{40}|reference\/quay-config-tool\.md/);
    }
  });

  it.each(fixture.cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const errors = await groupErrors(c);
    const expected = c.quayVerdict ?? c.configToolValid;
    expect(
      errors.map((f) => `${f.fields[0] ?? ''}: ${f.message}`),
      c.note,
    ).toEqual(expected ? [] : expect.arrayContaining([expect.any(String)]));
  });

  it("where Quay's verdict overrides config-tool's test, supplying what Quay lacks makes the group pass", async () => {
    const es = fixture.cases.find((c) => c.id === 'ElasticSearch/ValidConfig');
    const jwt = fixture.cases.find((c) => c.id === 'JWTAuthentication/VerifyEndpointGood');
    const tls = fixture.cases.find((c) => c.id === 'HostSettings/certPairAndHostnameWithLegacyCN');
    if (!es || !jwt || !tls) throw new Error('case missing');
    const esConfig = es.config.LOGS_MODEL_CONFIG as Record<string, unknown>;
    expect(await groupErrors({ ...es, config: { ...es.config, LOGS_MODEL_CONFIG: { ...esConfig, producer: 'elasticsearch' } } })).toEqual([]);
    // The JWT server's public key (any RSA public key in PEM will do: Quay only reads it).
    const publicKey = createPublicKey(tls.files?.['ssl.key'] ?? '')
      .export({ type: 'spki', format: 'pem' })
      .toString();
    expect(await groupErrors({ ...jwt, files: { 'jwt-authn.cert': publicKey } })).toEqual([]);
    // The CN-only certificate is refused for the very host its CN names: for having no subjectAltName
    // (it has also expired since, which config-tool never checked).
    expect((await groupErrors(tls)).map((f) => f.code)).toContain('ssl-cert-cn-only');
  });
});
