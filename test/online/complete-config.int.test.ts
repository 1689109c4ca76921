import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isObject, type ConfigMap } from '../../lib/config/values';
import { validateConfig } from '../../lib/validation/run';
import type { FieldGroupId, Finding, GroupReport, ValidationReport } from '../../lib/report/types';
import { buildCompleteConfig, OIDC_KEY, parseServiceInfos, redirectServices, SERVICE_NAMES, writeBundleDirectory, type CompleteBundle, type ServiceName } from '../harness/complete-config';
import { closedPort, startHangingServer, type HangingServer } from '../harness/scenarios';

/**
 * A complete, correct Quay config validated online against every real harness service, the way an
 * administrator runs it (`quay-config validate <dir> --mode online --json`, a child process); then
 * one broken setting per service, each diagnosed on the right key, at the right stage, with the
 * right code, leaving the rest of the report as it was; and a run where every service hangs,
 * which the per-probe deadline cuts off.
 */

const h = inject('harness');
const services = parseServiceInfos(h.services);
const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'bin/quay-config.cjs');

/** Warnings a correct config still gets, and why; everything else must be silent. */
const EXPECTED_WARNINGS: Partial<Record<FieldGroupId, Array<Pick<Finding, 'code' | 'fields'>>>> = {
  // The services run on this machine: inside Quay's container "localhost" would be the container.
  Database: [{ code: 'db-host-loopback', fields: ['DB_URI'] }],
};

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  report: ValidationReport;
}

/** `quay-config validate <dir> --mode online --json …` as a child process, like an administrator. */
function runCli(dir: string, extra: string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'validate', dir, '--mode', 'online', '--json', ...extra], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      try {
        resolve({ code, stdout, stderr, report: JSON.parse(stdout) as ValidationReport });
      } catch (e) {
        reject(new Error(`the CLI did not print a JSON report (exit ${code}): ${String(e)}\n${stderr}`));
      }
    });
  });
}

const brief = (f: Finding) => ({ code: f.code, fields: f.fields, severity: f.severity, stage: f.stage });
const group = (report: ValidationReport, id: FieldGroupId): GroupReport => {
  const g = report.groups.find((x) => x.group === id);
  if (!g) throw new Error(`no ${id} group in the report`);
  return g;
};
const expectNoSecrets = (text: string, bundle: CompleteBundle) => {
  for (const secret of bundle.secrets) expect(text).not.toContain(secret);
};
const freshDir = (name: string) => mkdtempSync(path.join(h.runDir, `${name}-`));

describe('the complete config, online, through the CLI', () => {
  const bundle = buildCompleteConfig(h);
  let run: CliRun;
  beforeAll(async () => {
    run = await runCli(writeBundleDirectory(bundle, freshDir('complete')));
  }, 60_000);

  it('is valid: exit 0, valid: true, online mode', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.report.valid).toBe(true);
    expect(run.report.mode).toBe('online');
  });

  it('every group it enables is ok, or has only the expected warnings', () => {
    const enabled = [...bundle.probedGroups, ...bundle.offlineGroups];
    for (const id of enabled) {
      const g = group(run.report, id);
      const expected = EXPECTED_WARNINGS[id] ?? [];
      expect({ group: id, findings: g.findings.map(brief) }).toEqual({ group: id, findings: expected.map((w) => ({ ...w, severity: 'warning', stage: 'config' })) });
      expect(g.status).toBe(expected.length ? 'warning' : 'ok');
    }
    // Nothing else ran: the groups it does not enable are skipped, with a reason.
    const others = run.report.groups.filter((g) => !enabled.includes(g.group));
    expect(others.map((g) => [g.group, g.status])).toEqual(others.map((g) => [g.group, 'skipped']));
    expect(others.every((g) => (g.skippedReason ?? '') !== '')).toBe(true);
  });

  it('prints no secret of the config', () => {
    expectNoSecrets(run.stdout + run.stderr, bundle);
  });
});

describe('the complete config with github.com and Google login, in process (public endpoints re-pointed at the fakes)', () => {
  // The CLI has no option to move github.com/Google: validateConfig's `endpoints` does it here.
  const bundle = buildCompleteConfig(h, { publicProviders: true });

  it('is valid, and GitHubLogin and GoogleLogin checked their fakes without a finding', async () => {
    const report = await validateConfig({ config: bundle.config, files: bundle.files }, { mode: 'online', endpoints: bundle.endpoints });
    expect(report.valid).toBe(true);
    for (const id of ['GitHubLogin', 'GoogleLogin'] as const) expect([id, group(report, id).status, group(report, id).findings]).toEqual([id, 'ok', []]);
    for (const id of bundle.probedGroups) expect([id, group(report, id).status]).toEqual([id, EXPECTED_WARNINGS[id] ? 'warning' : 'ok']);
    expectNoSecrets(JSON.stringify(report), bundle);
  });
});

/** One broken setting: how to break it, and the one finding it must produce. */
interface BrokenRow {
  name: string;
  break(config: ConfigMap, ports: { closed: number; hanging: number }): void;
  group: FieldGroupId;
  finding: ReturnType<typeof brief>;
}

const S = 'DISTRIBUTED_STORAGE_CONFIG';
const ES = 'LOGS_MODEL_CONFIG.elasticsearch_config';
const WRONG = 'Wr0ng-secret-for-the-table';
/** A well-formed PSK (32 bytes, standard base64) that Clair does not know. */
const WRONG_PSK = Buffer.from(WRONG.padEnd(32, '!')).toString('base64');

/** The mapping at `path` (dots; `[1]` for a storage location's parameters). */
function at(config: ConfigMap, ...keys: Array<string | number>): Record<string, unknown> {
  let node: unknown = config;
  for (const k of keys) node = Array.isArray(node) && typeof k === 'number' ? node[k] : isObject(node) ? node[k] : undefined;
  if (!isObject(node)) throw new Error(`${keys.join('.')} is not a mapping in the complete config`);
  return node;
}
const dbUri = (o: { password?: string; database?: string }) =>
  `postgresql://${services.postgres.user}:${encodeURIComponent(o.password ?? services.postgres.password)}@localhost:${services.postgres.port}/${o.database ?? services.postgres.database}`;

const BROKEN: BrokenRow[] = [
  {
    name: 'wrong database password',
    break: (c) => (c.DB_URI = dbUri({ password: WRONG })),
    group: 'Database',
    finding: { code: 'auth-failed', fields: ['DB_URI'], severity: 'error', stage: 'auth' },
  },
  {
    name: 'database without pg_trgm (quay_notrgm)',
    break: (c) => (c.DB_URI = dbUri({ database: services.postgres.databaseNoTrgm })),
    group: 'Database',
    finding: { code: 'pg-trgm-missing', fields: ['DB_URI'], severity: 'error', stage: 'semantic' },
  },
  {
    name: 'wrong Redis password on USER_EVENTS_REDIS only',
    break: (c) => (at(c, 'USER_EVENTS_REDIS').password = WRONG),
    group: 'Redis',
    finding: { code: 'auth-failed', fields: ['USER_EVENTS_REDIS.password', 'USER_EVENTS_REDIS'], severity: 'error', stage: 'auth' },
  },
  {
    name: 'wrong LDAP admin password',
    break: (c) => (c.LDAP_ADMIN_PASSWD = WRONG),
    group: 'LDAP',
    finding: { code: 'ldap-bind-failed', fields: ['LDAP_ADMIN_DN', 'LDAP_ADMIN_PASSWD'], severity: 'error', stage: 'auth' },
  },
  {
    name: 'a SUPER_USERS entry that is not in LDAP',
    break: (c) => (c.SUPER_USERS = [services.slapd.users[0], 'nobody-in-ldap']),
    group: 'LDAP',
    finding: { code: 'superuser-not-found', fields: ['SUPER_USERS[1]'], severity: 'warning', stage: 'semantic' },
  },
  {
    name: 'wrong S3 secret key',
    break: (c) => (at(c, S, 'default', 1).s3_secret_key = WRONG),
    group: 'DistributedStorage',
    finding: { code: 'auth-failed', fields: [`${S}.default[1].s3_access_key`, `${S}.default[1].s3_secret_key`, `${S}.default`], severity: 'error', stage: 'auth' },
  },
  {
    name: 'S3 bucket that does not exist',
    break: (c) => (at(c, S, 'default', 1).s3_bucket = 'no-such-bucket'),
    group: 'DistributedStorage',
    finding: { code: 'bucket-missing', fields: [`${S}.default[1].s3_bucket`, `${S}.default`], severity: 'error', stage: 'semantic' },
  },
  {
    name: 'wrong Swift password',
    break: (c) => (at(c, S, 'swift', 1).swift_password = WRONG),
    group: 'DistributedStorage',
    finding: { code: 'auth-failed', fields: [`${S}.swift[1].swift_user`, `${S}.swift[1].swift_password`, `${S}.swift`], severity: 'error', stage: 'auth' },
  },
  {
    name: 'wrong SMTP password',
    break: (c) => (c.MAIL_PASSWORD = WRONG),
    group: 'Email',
    finding: { code: 'auth-failed', fields: ['MAIL_USERNAME', 'MAIL_PASSWORD'], severity: 'error', stage: 'auth' },
  },
  {
    name: 'wrong Clair PSK',
    break: (c) => (c.SECURITY_SCANNER_V4_PSK = WRONG_PSK),
    group: 'SecurityScanner',
    finding: { code: 'psk-rejected', fields: ['SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_V4_PSK'], severity: 'error', stage: 'auth' },
  },
  {
    name: 'wrong Elasticsearch password',
    break: (c) => (at(c, 'LOGS_MODEL_CONFIG', 'elasticsearch_config').secret_key = WRONG),
    group: 'ElasticSearch',
    finding: { code: 'auth-failed', fields: [`${ES}.access_key`, `${ES}.secret_key`, ES], severity: 'error', stage: 'auth' },
  },
  {
    name: 'wrong OIDC client secret',
    break: (c) => (at(c, OIDC_KEY).CLIENT_SECRET = WRONG),
    group: 'OIDC',
    finding: { code: 'auth-failed', fields: [`${OIDC_KEY}.CLIENT_ID`, `${OIDC_KEY}.CLIENT_SECRET`], severity: 'error', stage: 'auth' },
  },
  {
    name: 'wrong GitHub client secret',
    break: (c) => (at(c, 'GITHUB_LOGIN_CONFIG').CLIENT_SECRET = WRONG),
    group: 'GitHubLogin',
    finding: { code: 'auth-failed', fields: ['GITHUB_LOGIN_CONFIG.CLIENT_ID', 'GITHUB_LOGIN_CONFIG.CLIENT_SECRET'], severity: 'error', stage: 'auth' },
  },
  {
    name: 'a closed port for the SMTP server',
    break: (c, p) => (c.MAIL_PORT = p.closed),
    group: 'Email',
    finding: { code: 'connection-refused', fields: ['MAIL_SERVER', 'MAIL_PORT'], severity: 'error', stage: 'tcp' },
  },
  {
    name: 'a closed port for PULL_METRICS_REDIS',
    break: (c, p) => (at(c, 'PULL_METRICS_REDIS').port = p.closed),
    group: 'Redis',
    finding: { code: 'connection-refused', fields: ['PULL_METRICS_REDIS'], severity: 'error', stage: 'tcp' },
  },
  {
    name: 'a Clair that accepts and never answers',
    break: (c, p) => (c.SECURITY_SCANNER_V4_ENDPOINT = `https://127.0.0.1:${p.hanging}`),
    group: 'SecurityScanner',
    finding: { code: 'timeout', fields: ['SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_V4_PSK'], severity: 'error', stage: 'tls' },
  },
  {
    name: 'an LDAP server that accepts and never answers',
    break: (c, p) => (c.LDAP_URI = `ldaps://127.0.0.1:${p.hanging}`),
    group: 'LDAP',
    finding: { code: 'timeout', fields: ['LDAP_URI'], severity: 'error', stage: 'tls' },
  },
];

describe('one broken setting per service: the right key, stage and code, and nothing else changes', () => {
  const bundle = buildCompleteConfig(h);
  // Long enough for Swift's write/read/delete on a busy machine, short enough for the hanging rows.
  const timeoutMs = 4000;
  const validate = (config: ConfigMap) => validateConfig({ config, files: bundle.files }, { mode: 'online', timeoutMs });
  let baseline: ValidationReport;
  let hanging: HangingServer;
  let closed: number;
  beforeAll(async () => {
    hanging = await startHangingServer();
    closed = await closedPort();
    baseline = await validate(bundle.config);
  });
  afterAll(async () => {
    await hanging.close();
  });

  it('the baseline (unbroken) run is valid', () => {
    expect(baseline.valid).toBe(true);
  });

  it.each(BROKEN.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const config = structuredClone(bundle.config);
    row.break(config, { closed, hanging: hanging.port });
    const report = await validate(config);
    expectNoSecrets(JSON.stringify(report), bundle);
    for (const wrong of [WRONG, WRONG_PSK]) expect(JSON.stringify(report)).not.toContain(wrong);

    // The broken group: the baseline's findings plus exactly the expected one.
    const before = group(baseline, row.group).findings.map(brief);
    const after = group(report, row.group).findings.map(brief);
    const canonical = (fs: Array<ReturnType<typeof brief>>) => fs.map((f) => JSON.stringify(f)).sort();
    expect(canonical(after)).toEqual(canonical([...before, row.finding]));
    expect(report.valid).toBe(row.finding.severity !== 'error');
    expect(group(report, row.group).status).toBe(row.finding.severity);

    // Every other group reports exactly what it reported for the correct config.
    const summary = (r: ValidationReport) => r.groups.filter((g) => g.group !== row.group).map((g) => ({ group: g.group, status: g.status, findings: g.findings.map(brief) }));
    expect(summary(report)).toEqual(summary(baseline));
  });
});

describe('every service hangs: the deadline cuts every probe off', () => {
  const bundle = buildCompleteConfig(h);
  const servers = new Map<ServiceName, HangingServer>();
  let run: CliRun;
  beforeAll(async () => {
    // One silent server per service, so each can show that its probe really connected.
    for (const name of SERVICE_NAMES) servers.set(name, await startHangingServer());
    const port = (name: ServiceName) => servers.get(name)?.port ?? 0;
    run = await runCli(writeBundleDirectory(redirectServices(bundle, port), freshDir('hanging')), ['--timeout-ms', '1500']);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...servers.values()].map((s) => s.close()));
  });

  it('exits 1 with an invalid report', () => {
    expect(run.code).toBe(1);
    expect(run.report.valid).toBe(false);
    expectNoSecrets(run.stdout + run.stderr, bundle);
  });

  it('every probed group ends in timeout findings, and only those', () => {
    for (const id of bundle.probedGroups) {
      const errors = group(run.report, id).findings.filter((f) => f.severity === 'error');
      expect({ group: id, nonTimeout: errors.filter((f) => f.code !== 'timeout').map(brief) }).toEqual({ group: id, nonTimeout: [] });
      expect({ group: id, timeouts: errors.length > 0 }).toEqual({ group: id, timeouts: true });
    }
  });

  it('each probe timed out on its own key, at the rung it had reached (TLS services in the handshake)', () => {
    const timeouts = Object.fromEntries(
      bundle.probedGroups.map((id) => [
        id,
        group(run.report, id)
          .findings.filter((f) => f.code === 'timeout')
          .map((f) => [f.fields[0], f.stage]),
      ]),
    );
    expect(timeouts).toEqual({
      Database: [['DB_URI', 'tls']], // sslmode verify-full: no answer to the SSLRequest
      Redis: [
        ['BUILDLOGS_REDIS', 'auth'], // plain text: no answer to AUTH
        ['USER_EVENTS_REDIS', 'tls'],
        ['PULL_METRICS_REDIS', 'auth'],
      ],
      DistributedStorage: [
        [`${S}.default[1].host`, 'tls'], // S3Storage is always https
        [`${S}.swift[1].auth_url`, 'semantic'], // plain-HTTP auth request sent, no answer
      ],
      LDAP: [['LDAP_URI', 'tls']],
      OIDC: [[`${OIDC_KEY}.OIDC_SERVER`, 'tls']],
      GitHubLogin: [['GITHUB_LOGIN_CONFIG.GITHUB_ENDPOINT', 'tls']],
      SecurityScanner: [['SECURITY_SCANNER_V4_ENDPOINT', 'tls']],
      Email: [['MAIL_SERVER', 'tcp']], // connected, no SMTP greeting
      ElasticSearch: [[`${ES}.host`, 'tls']],
    });
  });

  it('every silent server was really connected to (the probes did not give up before trying)', () => {
    const used = SERVICE_NAMES.filter((n) => n !== 'google'); // Google login is not in the CLI config
    expect(used.filter((n) => (servers.get(n)?.accepted() ?? 0) === 0)).toEqual([]);
  });
});
