import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../config/values';
import { validateConfig } from '../validation/run';
import type { ValidationReport } from '../report/types';
import { componentsOfReadonlyGroups, deploymentFromList, operatorDefaults, parseComponentList, resolveDeployment } from './managed-components';
import { stripManagedKeys } from '../api/operator';

const noFiles = new Map<string, Uint8Array>();
const pem = new TextEncoder().encode('-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');

async function underOperator(config: ConfigMap, deployment = operatorDefaults(noFiles)): Promise<ValidationReport> {
  return validateConfig({ config, files: noFiles }, { mode: 'offline', deployment });
}
const group = (r: ValidationReport, id: string) => r.groups.find((g) => g.group === id);
const errors = (r: ValidationReport) => r.groups.flatMap((g) => g.findings.filter((f) => f.severity === 'error').map((f) => ({ group: g.group, ...f })));

describe('validation under the operator (quay-operator validateHasNecessaryConfig)', () => {
  it('all managed: a bundle with only its own settings is valid, and the supplied groups are skipped with the component named', async () => {
    const report = await underOperator({ FEATURE_USER_INITIALIZE: true, SUPER_USERS: ['admin'] });
    expect(errors(report)).toEqual([]);
    expect(report.valid).toBe(true);
    expect(group(report, 'Database')).toMatchObject({ status: 'skipped', skippedReason: "supplied by the operator's managed postgres component" });
    expect(group(report, 'Redis')?.skippedReason).toMatch(/managed redis/);
    expect(group(report, 'DistributedStorage')?.skippedReason).toMatch(/managed objectstorage/);
    expect(report.managed).toContain('postgres');
  });

  it('all managed: the operator base config turns e-mail off, so no "e-mail is on by default" warning', async () => {
    const standalone = await validateConfig({ config: { SERVER_HOSTNAME: 'q.example.com' }, files: noFiles }, { mode: 'offline' });
    expect(group(standalone, 'Email')?.findings.map((f) => f.fields[0])).toContain('FEATURE_MAILING');
    const report = await underOperator({});
    expect(group(report, 'Email')?.findings ?? []).toEqual([]);
  });

  it("a managed component configured by the bundle is refused in the operator's words, once per component", async () => {
    const report = await underOperator({ DB_URI: 'postgresql://quay:pw@db/quay', DB_CONNECTION_ARGS: {}, FEATURE_SECURITY_SCANNER: true });
    expect(errors(report)).toEqual([
      expect.objectContaining({
        group: 'Database',
        code: 'managed-component-configured',
        fields: ['DB_CONNECTION_ARGS', 'DB_URI'],
        message: 'postgres component marked as managed, but `configBundleSecret` contains required fields (DB_CONNECTION_ARGS, DB_URI)',
      }),
      expect.objectContaining({ group: 'SecurityScanner', code: 'managed-component-configured', fields: ['FEATURE_SECURITY_SCANNER'] }),
    ]);
  });

  it('route and mirror may be configured although managed (ComponentSupportsConfigWhenManaged)', async () => {
    const report = await underOperator({ SERVER_HOSTNAME: 'registry.apps.example.com', FEATURE_REPO_MIRROR: true });
    expect(errors(report)).toEqual([]);
  });

  it('unmanaged required components must be configured: the group says which key is missing, once', async () => {
    const report = await underOperator({}, deploymentFromList(['redis', 'objectstorage', 'route', 'tls', 'clair']));
    const database = group(report, 'Database')?.findings ?? [];
    expect(database).toEqual([expect.objectContaining({ severity: 'error', code: 'required', fields: ['DB_URI'], hint: expect.stringContaining('postgresql://') })]);
    expect(group(report, 'Redis')?.status).toBe('skipped');
  });

  it('tls: a certificate pair makes the operator default to unmanaged; an explicit managed tls with certificates is a clash', async () => {
    const files = new Map([
      ['ssl.cert', pem],
      ['ssl.key', pem],
    ]);
    expect(operatorDefaults(files).managed.has('tls')).toBe(false);
    const clash = await validateConfig({ config: {}, files }, { mode: 'offline', deployment: deploymentFromList(['postgres', 'redis', 'objectstorage', 'route', 'tls']) });
    expect(errors(clash)).toContainEqual(expect.objectContaining({ group: 'HostSettings', code: 'managed-component-configured', fields: ['ssl.cert', 'ssl.key'] }));
    const missing = await validateConfig(
      { config: { SERVER_HOSTNAME: 'q.example.com', PREFERRED_URL_SCHEME: 'https' }, files: noFiles },
      { mode: 'offline', deployment: deploymentFromList(['postgres', 'redis', 'objectstorage', 'route']) },
    );
    expect(
      errors(missing)
        .filter((f) => f.group === 'HostSettings')
        .map((f) => f.fields[0]),
    ).toContain('ssl.cert');
  });

  it('parses component lists and refuses unknown kinds by name', () => {
    expect(parseComponentList('postgres, Redis')).toEqual({ ok: true, kinds: ['postgres', 'redis'] });
    expect(parseComponentList('postgres,database')).toEqual({ ok: false, error: expect.stringMatching(/unknown QuayRegistry component\(s\): database; known: quay, postgres/) });
    expect(resolveDeployment(['postgres'], noFiles).managed).toEqual(new Set(['quay', 'postgres']));
  });

  it('the wizard serving an operator: read-only groups name their components, the rest take the defaults', () => {
    expect(componentsOfReadonlyGroups(['Database', 'Redis', 'HostSettings'], noFiles)).toEqual(['quay', 'postgres', 'redis', 'route', 'tls', 'clairpostgres', 'horizontalpodautoscaler', 'monitoring']);
    // A bundle with its own certificate pair: tls unmanaged, as operatorDefaults decides.
    expect(
      componentsOfReadonlyGroups(
        ['Database'],
        new Map([
          ['ssl.cert', pem],
          ['ssl.key', pem],
        ]),
      ),
    ).toEqual(['quay', 'postgres', 'clairpostgres', 'horizontalpodautoscaler', 'monitoring']);
    expect(componentsOfReadonlyGroups(['SecurityScanner', 'RepoMirror', 'DistributedStorage'], noFiles)).toEqual(expect.arrayContaining(['clair', 'mirror', 'objectstorage']));
  });

  it('what "Reconfigure Quay" sends, judged with those components, is valid; the full bundle would clash', async () => {
    const config: ConfigMap = {
      SERVER_HOSTNAME: 'quay.operator.example',
      DB_URI: 'postgresql://quay:pw@db/quay',
      BUILDLOGS_REDIS: { host: 'redis' },
      USER_EVENTS_REDIS: { host: 'redis' },
      DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage/registry' }] },
      DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
      SECRET_KEY: 'k'.repeat(40),
      DATABASE_SECRET_KEY: 'd'.repeat(40),
    };
    const readonly = ['Database', 'Redis', 'HostSettings'] as const;
    const deployment = deploymentFromList(componentsOfReadonlyGroups(readonly, noFiles));
    const sent = stripManagedKeys(config, readonly).config;
    const report = await underOperator(sent, deployment);
    expect(errors(report)).toEqual([]);
    expect(group(report, 'Database')?.skippedReason).toMatch(/managed postgres/);
    expect(group(report, 'HostSettings')?.status).not.toBe('skipped');
    const unstripped = await underOperator(config, deployment);
    expect(errors(unstripped).map((e) => e.code)).toEqual(['managed-component-configured', 'managed-component-configured']);
  });
});
