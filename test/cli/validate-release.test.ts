import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../lib/cli/main';
import type { ValidationReport } from '../../lib/report/types';

function file(text: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qc-release-'));
  const f = path.join(dir, 'config.yaml');
  writeFileSync(f, text);
  return f;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), env: { NODE_ENV: 'test' } });
  return { code, out, err };
}

describe('quay-config validate --quay-version / --managed / --operator', () => {
  it('judges for the named release and says so in the report', async () => {
    const f = file('SECURITY_SCANNER_ENDPOINT: http://clair:6060\n');
    const old = JSON.parse((await run(['validate', f, '--mode', 'offline', '--json', '--quay-version', '3.8', '--groups', 'Schema'])).out) as ValidationReport;
    const now = JSON.parse((await run(['validate', f, '--mode', 'offline', '--json', '--quay-version', '3.9.1', '--groups', 'Schema'])).out) as ValidationReport;
    expect(old.quayVersion).toBe('3.8');
    expect(now.quayVersion).toBe('3.9');
    const codes = (r: ValidationReport) => r.groups.flatMap((g) => g.findings.map((x) => x.code));
    expect(codes(old)).toEqual([]);
    expect(codes(now)).toEqual(['deprecated-key']);
  });

  it('refuses an unknown release or a clash of --operator and --managed with exit 2, naming the mistake', async () => {
    const f = file('SERVER_HOSTNAME: q.example.com\n');
    const bad = await run(['validate', f, '--quay-version', '3.1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown Quay release "3\.1": --quay-version takes one of 3\.4, .*head/);
    const both = await run(['validate', f, '--operator', '--managed', 'postgres']);
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--operator .* or --managed LIST, not both/);
    const kind = await run(['validate', f, '--managed', 'postgres,database']);
    expect(kind.code).toBe(2);
    expect(kind.err).toMatch(/--managed: unknown QuayRegistry component\(s\): database/);
  });

  it('--operator: a bundle that leaves database, Redis and storage to the operator is valid (exit 0)', async () => {
    const f = file('SUPER_USERS: [admin]\nFEATURE_USER_INITIALIZE: true\n');
    const standalone = await run(['validate', f, '--mode', 'offline']);
    const operator = await run(['validate', f, '--mode', 'offline', '--operator', '--json']);
    expect(standalone.code).toBe(1);
    expect(operator.code).toBe(0);
    expect((JSON.parse(operator.out) as ValidationReport).managed).toEqual(expect.arrayContaining(['postgres', 'redis', 'objectstorage', 'clair']));
  });

  it("--json still prints a JSON report when the YAML does not load (exit 2), in the user's terms with line and column", async () => {
    const f = file('SERVER_HOSTNAME: q.example.com\nSUPER_USERS: - admin\nDB_URI: postgresql://quay:hunter22@db/quay\n');
    const { code, out } = await run(['validate', f, '--mode', 'offline', '--json']);
    expect(code).toBe(2);
    const report = JSON.parse(out) as ValidationReport;
    expect(report.valid).toBe(false);
    const [finding] = report.groups.flatMap((g) => g.findings);
    expect(finding).toMatchObject({ severity: 'error', code: 'unreadable-input' });
    expect(finding?.message).toMatch(/line 2, column 14: "- " right after a key starts a list/);
    expect(out).not.toContain('hunter22');
  });

  it('a "..." line that ends the document early is explained as such', async () => {
    const f = file('SERVER_HOSTNAME: q.example.com\n...\nDB_URI: postgresql://db/quay\n');
    const { code, err } = await run(['validate', f, '--mode', 'offline']);
    expect(code).toBe(2);
    expect(err).toMatch(/line 3, column 1: a `\.\.\.` line before line 3 ends the YAML document/);
  });
});
