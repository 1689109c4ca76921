import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleFromPath } from '../lib/bundle/read';
import { deploymentFromList, isComponentKind } from '../lib/k8s/managed-components';
import { collectSecrets } from '../lib/config/redact';
import { validateConfig } from '../lib/validation/run';
import type { ValidationReport } from '../lib/report/types';

/**
 * Configs real people published (Quay's own local-dev and test configs, docs, the operator's e2e and
 * kustomize bundles, GitOps repos and blog posts), each with its provenance and the verdict judged
 * from Quay's code at the config's release (test/fixtures/real-world/corpus.json, with the evidence
 * per expected error; DISCREPANCIES.md has what the tool got wrong before). Each config is validated
 * offline for its release and deployment, and the errors must be exactly the expected ones.
 */
interface CorpusEntry {
  name: string;
  source: { repo: string; path: string; commit: string };
  quayVersion: string;
  deployment: { kind: 'standalone' } | { kind: 'operator'; managed: string[] };
  expected: { valid: boolean; errors: { field: string; why: string }[] };
}

const dir = path.join(import.meta.dirname, 'fixtures/real-world');
const corpus = JSON.parse(readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as { configs: CorpusEntry[] };

async function validate(entry: CorpusEntry, quayVersion = entry.quayVersion): Promise<ValidationReport> {
  const bundle = await readBundleFromPath(path.join(dir, entry.name));
  const deployment = entry.deployment.kind === 'operator' ? deploymentFromList(entry.deployment.managed.filter(isComponentKind)) : undefined;
  return validateConfig({ config: bundle.config, files: bundle.files, loadFindings: bundle.findings }, { mode: 'offline', quayVersion, deployment });
}

const errorFields = (r: ValidationReport) => [...new Set(r.groups.flatMap((g) => g.findings.filter((f) => f.severity === 'error').map((f) => f.fields[0] ?? '')))].sort();

describe('real-world corpus', () => {
  it('holds at least 30 configs, standalone and operator, each traced to a repository commit', () => {
    expect(corpus.configs.length).toBeGreaterThanOrEqual(30);
    expect(corpus.configs.filter((c) => c.deployment.kind === 'operator').length).toBeGreaterThanOrEqual(10);
    for (const c of corpus.configs) {
      expect(c.source.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(c.source.commit).toMatch(/^[0-9a-f]{40}$/);
      for (const e of c.expected.errors) expect(e.why.length).toBeGreaterThan(40);
    }
  });

  it.each(corpus.configs.map((c) => [c.name, c] as const))("%s: the verdict and the errors are Quay's own", async (_name, entry) => {
    const report = await validate(entry);
    expect(errorFields(report)).toEqual([...new Set(entry.expected.errors.map((e) => e.field))].sort());
    expect(report.valid).toBe(entry.expected.valid);
    expect(report.quayVersion).toBe(entry.quayVersion);
    // One finding per problem: no key gets the same check twice (from two groups, say).
    const problems = report.groups.flatMap((g) => g.findings.map((f) => `${f.fields[0] ?? ''} ${f.code}`));
    expect(problems.length).toBe(new Set(problems).size);
    // Every error says what to do, and nothing the config holds as a secret comes back.
    const text = JSON.stringify(report);
    for (const f of report.groups.flatMap((g) => g.findings.filter((x) => x.severity === 'error'))) expect(f.hint ?? '').not.toBe('');
    const bundle = await readBundleFromPath(path.join(dir, entry.name));
    // Plain words (a password "postgres") also name components in the report; test/security plants real secrets.
    for (const secret of collectSecrets(bundle.config).filter((s) => s.length >= 6 && !/^[a-z]+$/.test(s))) expect(text).not.toContain(secret);
  });

  it("release matters: Quay's own test config with a single-label host name boots on 3.17 and is refused from 3.18 on", async () => {
    const entry = corpus.configs.find((c) => c.name === 'quay-test-config1');
    if (!entry) throw new Error('quay-test-config1 missing from the corpus');
    expect((await validate(entry, '3.17')).valid).toBe(true);
    expect(errorFields(await validate(entry, '3.18'))).toEqual(['SERVER_HOSTNAME']);
  });
});
