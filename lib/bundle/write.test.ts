import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser, type ReadEntry } from 'tar';
import { describe, expect, it } from 'vitest';
import { loadConfigYaml } from '../config/load';
import { tgzOf, type RawEntry } from './fixtures/tar-builder';
import { bundleFromJson } from './json';
import { readBundleFromArchive } from './read-archive';
import { BundleError, type Bundle } from './types';
import { archiveMembers, isPrivateKey, writeBundleArchive } from './write';

const FIXTURE = readFileSync(path.join(import.meta.dirname, '../../test/fixtures/bundles/annotated-config.yaml'));
const MTIME = new Date('2026-01-02T03:04:05Z');
const KEY = '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';
const CERT = '-----BEGIN CERTIFICATE-----\nMIID\n-----END CERTIFICATE-----\n';

const UPLOAD: RawEntry[] = [
  { name: './', type: '5' },
  { name: './robots.txt', data: 'User-agent: *\n' },
  { name: './extra_ca_certs/', type: '5' },
  { name: './extra_ca_certs/z-corp.crt', data: CERT },
  { name: './extra_ca_certs/a-root.crt', data: CERT },
  { name: './ssl.key', data: KEY },
  { name: './config.yaml', data: FIXTURE },
  { name: './database.pem', data: CERT },
  { name: './ssl.cert', data: CERT },
  { name: './extra_ca_cert_flat.crt', data: CERT },
  { name: './security_scanner.pem', data: 'opaque' },
  { name: './default-cloudfront-signing-key.pem', data: 'opaque' },
  { name: './tls.pem', data: `${CERT}${KEY}` },
  { name: './docs/notes.txt', data: 'left out' },
];

interface Listed {
  path: string;
  type: string;
  mode: number | undefined;
  uid: number | undefined;
  gid: number | undefined;
  mtime: Date | undefined;
  data: Buffer;
}

/** Lists a tar.gz with node-tar's parser: an independent reader of what we write. */
async function list(archive: Buffer): Promise<Listed[]> {
  const out: Listed[] = [];
  await new Promise<void>((resolve, reject) => {
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        const chunks: Buffer[] = [];
        entry.on('data', (c: Buffer) => chunks.push(c));
        entry.on('end', () => out.push({ path: entry.path, type: entry.type, mode: entry.mode, uid: entry.uid, gid: entry.gid, mtime: entry.mtime, data: Buffer.concat(chunks) }));
      },
    });
    parser.on('error', reject);
    parser.on('end', () => resolve());
    parser.end(archive);
  });
  return out;
}

describe('writeBundleArchive', () => {
  it('writes the members in order with Quay-friendly modes and owner, and config.yaml byte for byte', async () => {
    const bundle = await readBundleFromArchive(tgzOf(UPLOAD));
    const listed = await list(await writeBundleArchive(bundle, { mtime: MTIME }));
    expect(listed.map((e) => [e.path, e.type, e.mode?.toString(8)])).toEqual([
      ['config.yaml', 'File', '600'],
      ['ssl.cert', 'File', '644'],
      ['ssl.key', 'File', '600'],
      ['database.pem', 'File', '644'],
      ['default-cloudfront-signing-key.pem', 'File', '600'],
      ['extra_ca_cert_flat.crt', 'File', '644'],
      ['robots.txt', 'File', '644'],
      ['security_scanner.pem', 'File', '600'],
      ['tls.pem', 'File', '600'],
      ['extra_ca_certs/', 'Directory', '755'],
      ['extra_ca_certs/a-root.crt', 'File', '644'],
      ['extra_ca_certs/z-corp.crt', 'File', '644'],
    ]);
    for (const e of listed) {
      expect([e.uid, e.gid, e.mtime?.toISOString()]).toEqual([1001, 0, MTIME.toISOString()]);
    }
    expect(listed[0]?.data.equals(FIXTURE)).toBe(true);
    expect(listed.find((e) => e.path === 'ssl.key')?.data.toString()).toBe(KEY);
  });

  it('round-trips upload → download without edits: config bytes, unknown keys, unknown files, extra CAs', async () => {
    const first = await readBundleFromArchive(tgzOf(UPLOAD));
    const second = await readBundleFromArchive(await writeBundleArchive(first));
    expect(second.configText).toBe(FIXTURE.toString('utf8'));
    expect(second.config).toEqual(first.config);
    expect(second.config.X_UNKNOWN_CUSTOM_KEY).toEqual({ nested: [1, 2, { deep: true }] });
    expect(second.files).toEqual(first.files);
    expect(second.files.get('robots.txt')?.toString()).toBe('User-agent: *\n');
    expect([...second.files.keys()].filter((k) => k.startsWith('extra_ca_cert'))).toEqual(['extra_ca_cert_flat.crt', 'extra_ca_certs/a-root.crt', 'extra_ca_certs/z-corp.crt']);
    expect(second.findings).toEqual([]);
  });

  it('writes an edited config with only the edited line changed', async () => {
    const bundle = await readBundleFromArchive(tgzOf(UPLOAD));
    const config = { ...bundle.config, SERVER_HOSTNAME: 'registry2.example.com' };
    const listed = await list(await writeBundleArchive({ ...bundle, config }));
    const written = listed[0]?.data.toString() ?? '';
    expect(written).toBe(FIXTURE.toString().replace('SERVER_HOSTNAME: registry.example.com', 'SERVER_HOSTNAME: registry2.example.com'));
  });

  it('renders a config that came as JSON as fresh YAML that loads back the same', async () => {
    const bundle = bundleFromJson({ 'config.yaml': { SERVER_HOSTNAME: 'q', FEATURE_X: 'yes' }, certs: { 'ssl.key': Buffer.from(KEY).toString('base64') } });
    const listed = await list(await writeBundleArchive(bundle));
    expect(listed.map((e) => e.path)).toEqual(['config.yaml', 'ssl.key']);
    expect(listed[0]?.data.toString()).toBe("SERVER_HOSTNAME: q\nFEATURE_X: 'yes'\n");
    const loaded = loadConfigYaml(listed[0]?.data ?? '');
    expect(loaded.ok && loaded.config).toEqual(bundle.config);
  });

  it('gives long names a pax header that tar readers, ours included, understand', async () => {
    const long = `${'n'.repeat(180)}.pem`;
    const deep = `extra_ca_certs/${'c'.repeat(200)}.crt`;
    const bundle: Bundle = {
      config: { A: 1 },
      configText: null,
      doc: null,
      files: new Map([
        [long, Buffer.from('L')],
        [deep, Buffer.from('D')],
      ]),
      findings: [],
    };
    const archive = await writeBundleArchive(bundle);
    expect((await list(archive)).map((e) => e.path)).toEqual(['config.yaml', long, 'extra_ca_certs/', deep]);
    const back = await readBundleFromArchive(archive);
    expect(back.files.get(long)?.toString()).toBe('L');
    expect(back.files.get(deep)?.toString()).toBe('D');
  });

  it.each(['../evil.crt', '/etc/evil.crt', 'docs/a.txt', 'config.yaml', './ssl.cert', 'extra_ca_certs/a/b.crt'])('refuses to write a bundle file named %s', async (name) => {
    const bundle: Bundle = { config: {}, configText: null, doc: null, files: new Map([[name, Buffer.from('x')]]), findings: [] };
    const error = await writeBundleArchive(bundle).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).entry).toBe(name);
  });

  it('unpacks with GNU tar into files owned by 1001:0 with private keys unreadable to others', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qc-write-'));
    try {
      const file = path.join(dir, 'quay-config.tar.gz');
      writeFileSync(file, await writeBundleArchive(await readBundleFromArchive(tgzOf(UPLOAD)), { mtime: MTIME }));
      const listing = execFileSync('tar', ['--numeric-owner', '-tvzf', file], { encoding: 'utf8' }).trim().split('\n');
      expect(listing.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
        '-rw------- 1001/0', // config.yaml: it holds the secrets
        '-rw-r--r-- 1001/0',
        '-rw------- 1001/0',
        ...Array.from({ length: 1 }, () => '-rw-r--r-- 1001/0'),
        '-rw------- 1001/0',
        ...Array.from({ length: 2 }, () => '-rw-r--r-- 1001/0'),
        '-rw------- 1001/0',
        '-rw------- 1001/0',
        'drwxr-xr-x 1001/0',
        '-rw-r--r-- 1001/0',
        '-rw-r--r-- 1001/0',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isPrivateKey and archiveMembers', () => {
  it.each([
    ['ssl.key', '', true],
    ['ldap.key', '', true],
    ['eu-cloudfront-signing-key.pem', '', true],
    ['security_scanner.pem', '', true],
    ['signing-private.gpg', '', true],
    ['extra_ca_certs/oops.crt', '-----BEGIN RSA PRIVATE KEY-----', true],
    ['database.pem', '-----BEGIN EC PRIVATE KEY-----', true],
    ['ssl.cert', CERT, false],
    ['jwt-authn.cert', CERT, false],
  ])('%s → %s', (name, content, expected) => {
    expect(isPrivateKey(name, Buffer.from(content))).toBe(expected);
  });

  it('leaves out the extra_ca_certs directory when there is nothing in it', () => {
    const bundle: Bundle = { config: {}, configText: null, doc: null, files: new Map([['ssl.cert', Buffer.from(CERT)]]), findings: [] };
    expect(archiveMembers(bundle).map((m) => m.name)).toEqual(['config.yaml', 'ssl.cert']);
  });
});
