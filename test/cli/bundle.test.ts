import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readBundleFromPath } from '../../lib/bundle/read';
import { writeBundleArchive } from '../../lib/bundle/write';
import { runCli, tempDir } from './run-cli';

interface SecretManifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  type: string;
  data: Record<string, string>;
}

const CONFIG = '# Quay\nSERVER_HOSTNAME: quay.example.com   # the registry\nFEATURE_MAILING: false\nSUPER_USERS: [admin]\n';
const FILES: Record<string, string> = {
  'ssl.cert': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  'ssl.key': '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n',
  'database.pem': 'db ca\n',
  'extra_ca_certs/corp-root.crt': 'corp root\n',
  'extra_ca_certs/ldap.example.com.crt': 'ldap ca\n',
};

/** A bundle directory as mounted at /conf/stack. */
function bundleDir(): string {
  const dir = tempDir('qc-bundle-');
  mkdirSync(path.join(dir, 'extra_ca_certs'));
  writeFileSync(path.join(dir, 'config.yaml'), CONFIG);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function decoded(manifest: SecretManifest): Record<string, string> {
  return Object.fromEntries(Object.entries(manifest.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
}

const EXPECTED_DATA = {
  'config.yaml': CONFIG,
  'ssl.cert': FILES['ssl.cert'],
  'ssl.key': FILES['ssl.key'],
  'database.pem': FILES['database.pem'],
  'extra_ca_cert_corp-root.crt': FILES['extra_ca_certs/corp-root.crt'],
  'extra_ca_cert_ldap.example.com.crt': FILES['extra_ca_certs/ldap.example.com.crt'],
};

describe('quay-config bundle --k8s-secret', () => {
  it('turns a /conf/stack directory into the operator Secret: config.yaml as is, CA files flattened', async () => {
    const dir = bundleDir();
    const run = await runCli(['bundle', dir, '--k8s-secret', 'quay-config-bundle', '--namespace', 'quay-enterprise'], dir);
    expect(run.code).toBe(0);
    const manifest = parse(run.stdout) as SecretManifest;
    expect(manifest).toMatchObject({ apiVersion: 'v1', kind: 'Secret', type: 'Opaque', metadata: { name: 'quay-config-bundle', namespace: 'quay-enterprise' } });
    expect(decoded(manifest)).toEqual(EXPECTED_DATA);
    expect(Object.keys(manifest.data)[0]).toBe('config.yaml');
    for (const value of Object.values(manifest.data)) expect(value).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
  });

  it('reads a quay-config.tar.gz the same way, and leaves out metadata.namespace when none is given', async () => {
    const dir = tempDir();
    const archive = await writeBundleArchive(await readBundleFromPath(bundleDir()));
    writeFileSync(path.join(dir, 'quay-config.tar.gz'), archive);
    const run = await runCli(['bundle', 'quay-config.tar.gz', '--k8s-secret', 'config-bundle'], dir);
    expect(run.code).toBe(0);
    const manifest = parse(run.stdout) as SecretManifest;
    expect(manifest.metadata).toEqual({ name: 'config-bundle' });
    expect(decoded(manifest)).toEqual(EXPECTED_DATA);
  });

  it('takes a lone config.yaml', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'config.yaml'), CONFIG);
    const run = await runCli(['bundle', 'config.yaml', '--k8s-secret', 'c'], dir);
    expect(decoded(parse(run.stdout) as SecretManifest)).toEqual({ 'config.yaml': CONFIG });
  });

  it('--out writes the manifest with mode 0600 and never overwrites it without --force', async () => {
    const dir = bundleDir();
    const first = await runCli(['bundle', '.', '--k8s-secret', 'quay-config-bundle', '--out', 'secret.yaml'], dir);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const file = path.join(dir, 'secret.yaml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decoded(parse(readFileSync(file, 'utf8')) as SecretManifest)).toEqual(EXPECTED_DATA);

    writeFileSync(path.join(dir, 'ssl.cert'), 'renewed\n');
    const again = await runCli(['bundle', '.', '--k8s-secret', 'quay-config-bundle', '--out', 'secret.yaml'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('refusing to overwrite');
    expect(decoded(parse(readFileSync(file, 'utf8')) as SecretManifest)['ssl.cert']).toBe(FILES['ssl.cert']);
    const forced = await runCli(['bundle', '.', '--k8s-secret', 'quay-config-bundle', '--out', 'secret.yaml', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(decoded(parse(readFileSync(file, 'utf8')) as SecretManifest)['ssl.cert']).toBe('renewed\n');
  });

  it('reports files it leaves out of the bundle on stderr', async () => {
    const dir = bundleDir();
    mkdirSync(path.join(dir, 'notes'));
    writeFileSync(path.join(dir, 'notes', 'todo.txt'), 'x');
    const run = await runCli(['bundle', dir, '--k8s-secret', 'b'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('notes');
    expect(Object.keys((parse(run.stdout) as SecretManifest).data)).not.toContain('todo.txt');
  });

  it.each([
    [['--k8s-secret', 'Quay_Config'], /Secret name "Quay_Config" must consist of lower case alphanumeric characters/],
    [['--k8s-secret', 'a'.repeat(254)], /is 254 characters long, over the limit of 253/],
    [['--k8s-secret', 'ok', '--namespace', 'quay.ns'], /namespace "quay.ns" must consist of lower case alphanumeric characters or '-'/],
    [['--k8s-secret', 'ok', '--namespace', 'n'.repeat(64)], /over the limit of 63/],
    [[], /bundle needs --k8s-secret NAME .* or --out FILE/],
    [['--namespace', 'quay', '--out', 'x.tar.gz'], /--namespace goes with --k8s-secret/],
    [['--k8s-secret', 'ok', '--force'], /--force goes with --out/],
  ])('%j is a usage error, found before the bundle is read', async (args, message) => {
    const run = await runCli(['bundle', '/nonexistent/bundle', ...args], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('an unreadable bundle exits 2 naming it; a bundle Kubernetes cannot hold exits 2 naming the file', async () => {
    const missing = await runCli(['bundle', '/nonexistent/bundle', '--k8s-secret', 'ok'], tempDir());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read /nonexistent/bundle');

    const dir = bundleDir();
    writeFileSync(path.join(dir, 'extra_ca_cert_corp-root.crt'), 'a second copy, flattened by hand\n');
    const clash = await runCli(['bundle', dir, '--k8s-secret', 'ok'], dir);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('"extra_ca_cert_corp-root.crt" and "extra_ca_certs/corp-root.crt" would both be Secret key "extra_ca_cert_corp-root.crt"');
    expect(clash.stdout).toBe('');
  });
});

describe('quay-config bundle --out x.tar.gz', () => {
  it('writes a clean quay-config.tar.gz that reads back to the same files', async () => {
    const dir = bundleDir();
    const run = await runCli(['bundle', '.', '--out', 'out/quay-config.tar.gz'], dir);
    expect(run.code).toBe(0);
    const back = await readBundleFromPath(path.join(dir, 'out', 'quay-config.tar.gz'));
    expect(back.configText).toBe(CONFIG);
    expect(Object.fromEntries([...back.files].map(([k, v]) => [k, v.toString('utf8')]))).toEqual(FILES);
  });
});
