import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tgzOf } from './fixtures/tar-builder';
import { readBundleFromDirectory, readBundleFromPath } from './read';
import { BundleError } from './types';

const FIXTURE = readFileSync(path.join(import.meta.dirname, '../../test/fixtures/bundles/annotated-config.yaml'));
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'qc-bundle-'));
  dirs.push(dir);
  return dir;
}

function write(dir: string, rel: string, data: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  writeFileSync(path.join(dir, rel), data);
}

async function rejection(p: Promise<unknown>): Promise<BundleError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** /conf/stack as Kubernetes mounts a Secret: visible names are symlinks into ..data/. */
function kubernetesMount(): string {
  const dir = tempDir();
  write(dir, '..2024_05_01_10_00_00.123/config.yaml', FIXTURE);
  write(dir, '..2024_05_01_10_00_00.123/ssl.cert', 'CERT');
  write(dir, '..2024_05_01_10_00_00.123/extra_ca_cert_corp.crt', 'FLAT');
  symlinkSync('..2024_05_01_10_00_00.123', path.join(dir, '..data'));
  for (const name of ['config.yaml', 'ssl.cert', 'extra_ca_cert_corp.crt']) symlinkSync(`..data/${name}`, path.join(dir, name));
  write(dir, 'extra_ca_certs/..2024/ca.crt', 'CA');
  symlinkSync('..2024', path.join(dir, 'extra_ca_certs/..data'));
  symlinkSync('..data/ca.crt', path.join(dir, 'extra_ca_certs/ca.crt'));
  return dir;
}

describe('readBundleFromDirectory', () => {
  it('reads a Kubernetes-style mount of ..data symlinks, leaving the mount machinery out', async () => {
    const bundle = await readBundleFromDirectory(kubernetesMount());
    expect(bundle.configText).toBe(FIXTURE.toString('utf8'));
    expect(Object.fromEntries([...bundle.files].map(([k, v]) => [k, v.toString()]))).toEqual({
      'extra_ca_cert_corp.crt': 'FLAT',
      'extra_ca_certs/ca.crt': 'CA',
      'ssl.cert': 'CERT',
    });
    expect(bundle.findings).toEqual([]);
  });

  it('rejects a symlink that leads outside the directory, naming it', async () => {
    const outside = tempDir();
    write(outside, 'secret.key', 'S');
    const dir = kubernetesMount();
    symlinkSync(path.join(outside, 'secret.key'), path.join(dir, 'ssl.key'));
    const e = await rejection(readBundleFromDirectory(dir));
    expect(e.message).toBe(`${dir}: entry "ssl.key": is a symbolic link to ${JSON.stringify(path.join(outside, 'secret.key'))}, outside the bundle directory`);
    expect(e.entry).toBe('ssl.key');
  });

  it('rejects a relative symlink climbing out through ..data', async () => {
    const dir = kubernetesMount();
    symlinkSync('../../../../../../etc/hostname', path.join(dir, 'extra_ca_certs/evil.crt'));
    expect((await rejection(readBundleFromDirectory(dir))).message).toMatch(/: entry "extra_ca_certs\/evil\.crt": is a symbolic link to ".*", outside the bundle directory$/);
  });

  it('rejects symlink loops, broken symlinks and FIFOs, naming them', async () => {
    const loop = kubernetesMount();
    symlinkSync('b', path.join(loop, 'a'));
    symlinkSync('a', path.join(loop, 'b'));
    expect((await rejection(readBundleFromDirectory(loop, 'stack'))).message).toBe('stack: entry "a": is a symbolic link loop');
    const broken = kubernetesMount();
    symlinkSync('nowhere', path.join(broken, 'ldap.crt'));
    expect((await rejection(readBundleFromDirectory(broken, 'stack'))).message).toBe('stack: entry "ldap.crt": is a broken symbolic link');
    const fifo = kubernetesMount();
    execFileSync('mkfifo', [path.join(fifo, 'pipe')]);
    expect((await rejection(readBundleFromDirectory(fifo, 'stack'))).message).toBe('stack: entry "pipe": is a FIFO (named pipe); a bundle holds only regular files');
  });

  it('rejects a file name that is not UTF-8', async () => {
    const dir = kubernetesMount();
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.crt')]), 'x');
    expect((await rejection(readBundleFromDirectory(dir, 'stack'))).message).toBe('stack: entry "caf\\xe9.crt": name is not valid UTF-8');
  });

  it('reports other sub-directories without entering them, and requires config.yaml', async () => {
    const dir = tempDir();
    write(dir, 'config.yaml', 'A: 1\n');
    write(dir, 'backup/old-config.yaml', 'A: 0\n');
    const bundle = await readBundleFromDirectory(dir);
    expect(bundle.findings.map((f) => f.message)).toEqual(['"backup/" kept out of the bundle']);
    const empty = tempDir();
    write(empty, 'ssl.cert', 'x');
    expect((await rejection(readBundleFromDirectory(empty, 'stack'))).message).toBe('stack: config.yaml is missing at the top of the bundle (found: ssl.cert)');
    mkdirSync(path.join(empty, 'config.yaml'));
    expect((await rejection(readBundleFromDirectory(empty, 'stack'))).message).toBe('stack: entry "config.yaml": config.yaml must be a regular file, not a directory');
  });
});

describe('readBundleFromPath', () => {
  it('tells archives, directories and a lone config.yaml apart by content, not by name', async () => {
    const dir = tempDir();
    write(
      dir,
      'bundle.txt',
      tgzOf([
        { name: 'config.yaml', data: 'A: 1\n' },
        { name: 'ssl.cert', data: 'C' },
      ]),
    );
    write(dir, 'config.tgz', 'B: 2\n');
    expect((await readBundleFromPath(path.join(dir, 'bundle.txt'))).files.get('ssl.cert')?.toString()).toBe('C');
    const lone = await readBundleFromPath(path.join(dir, 'config.tgz'));
    expect(lone.config).toEqual({ B: 2 });
    expect(lone.configText).toBe('B: 2\n');
    expect(lone.files.size).toBe(0);
    expect((await readBundleFromPath(kubernetesMount())).files.size).toBe(3);
  });

  it('reads what GNU tar makes, long names included, and rejects the symlinks it stores', async () => {
    const src = tempDir();
    const long = `${'c'.repeat(150)}.crt`;
    write(src, 'config.yaml', FIXTURE);
    write(src, `extra_ca_certs/${long}`, 'CA');
    const out = tempDir();
    execFileSync('tar', ['-C', src, '-czf', path.join(out, 'b.tgz'), '.']);
    const bundle = await readBundleFromPath(path.join(out, 'b.tgz'));
    expect(bundle.configText).toBe(FIXTURE.toString('utf8'));
    expect(bundle.files.get(`extra_ca_certs/${long}`)?.toString()).toBe('CA');
    symlinkSync('/etc/passwd', path.join(src, 'ssl.key'));
    execFileSync('tar', ['-C', src, '-cf', path.join(out, 'b.tar'), '.']);
    expect((await rejection(readBundleFromPath(path.join(out, 'b.tar')))).message).toBe(
      `${path.join(out, 'b.tar')}: entry "./ssl.key": is a symbolic link (to "/etc/passwd"); a bundle holds only regular files`,
    );
  });

  it('prefixes every error with the path', async () => {
    const dir = tempDir();
    write(dir, 'bad.tgz', tgzOf([{ name: '../x', data: '' }]));
    write(dir, 'bad.yaml', 'A: [1\n');
    expect((await rejection(readBundleFromPath(path.join(dir, 'bad.tgz')))).message).toBe(`${path.join(dir, 'bad.tgz')}: entry "../x": path contains ".." (it would leave the bundle directory)`);
    expect((await rejection(readBundleFromPath(path.join(dir, 'bad.yaml')))).message).toMatch(/bad\.yaml: config\.yaml is not valid YAML at line \d+, column \d+: /);
    expect((await rejection(readBundleFromPath(path.join(dir, 'missing')))).message).toBe(`${path.join(dir, 'missing')}: no such file or directory`);
  });
});
