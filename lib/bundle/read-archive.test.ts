import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CONFIG_ENTRY, paxEntry, tarOf, tgzOf, ustarEntry, ustarHeader, type RawEntry } from './fixtures/tar-builder';
import { MAX_ENTRIES, MAX_TOTAL_UNCOMPRESSED_BYTES } from './limits';
import { inflateBounded, readBundleFromArchive } from './read-archive';
import { BundleError, BundleTooLargeError } from './types';

const MiB = 1024 * 1024;

async function rejection(bytes: Buffer, label?: string): Promise<BundleError> {
  const error = await readBundleFromArchive(bytes, label).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

describe('readBundleFromArchive: well-formed bundles', () => {
  it('reads a tar.gz and a plain tar alike, keeping top-level files and extra_ca_certs/*', async () => {
    const entries: RawEntry[] = [
      { name: './', type: '5' },
      { name: './config.yaml', data: 'SERVER_HOSTNAME: q\nX_UNKNOWN: 1\n' },
      { name: './ssl.cert', data: 'CERT' },
      { name: './extra_ca_certs/', type: '5' },
      { name: './extra_ca_certs/ca.crt', data: 'CA' },
      { name: 'extra_ca_cert_flat.crt', data: 'FLAT' },
      { name: 'robots.txt', data: 'User-agent: *' },
    ];
    for (const bytes of [tgzOf(entries), tarOf(entries)]) {
      const bundle = await readBundleFromArchive(bytes);
      expect(bundle.config).toEqual({ SERVER_HOSTNAME: 'q', X_UNKNOWN: 1 });
      expect(bundle.configText).toBe('SERVER_HOSTNAME: q\nX_UNKNOWN: 1\n');
      expect([...bundle.files.keys()].sort()).toEqual(['extra_ca_cert_flat.crt', 'extra_ca_certs/ca.crt', 'robots.txt', 'ssl.cert']);
      expect(bundle.files.get('extra_ca_certs/ca.crt')?.toString()).toBe('CA');
      expect(bundle.findings).toEqual([]);
    }
  });

  it('reports other directories and macOS litter as warnings and leaves them out', async () => {
    const bundle = await readBundleFromArchive(
      tgzOf([
        CONFIG_ENTRY,
        { name: 'docs/', type: '5' },
        { name: 'docs/a.txt', data: 'a' },
        { name: 'docs/deep/b.txt', data: 'b' },
        { name: 'extra_ca_certs/sub/c.crt', data: 'c' },
        { name: '._config.yaml', data: 'x' },
      ]),
    );
    expect([...bundle.files.keys()]).toEqual([]);
    expect(bundle.findings.map((f) => [f.severity, f.code, f.message])).toEqual([
      ['warning', 'bundle-entry-left-out', '"docs/" and 2 entries in it (docs/a.txt, docs/deep/b.txt) kept out of the bundle'],
      ['warning', 'bundle-entry-left-out', '"extra_ca_certs/sub/" and 1 entry in it (extra_ca_certs/sub/c.crt) kept out of the bundle'],
      ['warning', 'bundle-entry-left-out', '"._config.yaml" (macOS archive metadata) kept out of the bundle'],
    ]);
  });

  it('honours pax and GNU long names, and ignores data after the end-of-archive marker', async () => {
    const long = `extra_ca_certs/${'c'.repeat(150)}.crt`;
    const gnuName = `${'g'.repeat(120)}.pem`;
    const bytes = Buffer.concat([
      tarOf([CONFIG_ENTRY, paxEntry({ path: long }), { name: 'ignored', data: 'PAX' }, ustarEntry({ name: '././@LongLink', type: 'L', data: `${gnuName}\0` }), { name: 'trunc', data: 'GNU' }]),
      ustarEntry({ name: '../after-the-end', data: 'x' }),
    ]);
    const bundle = await readBundleFromArchive(gzipSync(bytes));
    expect(bundle.files.get(long)?.toString()).toBe('PAX');
    expect(bundle.files.get(gnuName)?.toString()).toBe('GNU');
    expect(bundle.files.has('../after-the-end')).toBe(false);
  });

  it('accepts an archive without the end-of-archive marker', async () => {
    const bundle = await readBundleFromArchive(tgzOf([CONFIG_ENTRY, { name: 'ssl.key', data: 'K' }], false));
    expect(bundle.files.get('ssl.key')?.toString()).toBe('K');
  });

  it('names the file at fault when config.yaml does not load', async () => {
    expect((await rejection(tgzOf([{ name: 'config.yaml', data: Buffer.from([0x41, 0x3a, 0x20, 0xff, 0x0a]) }]))).message).toBe('config.yaml is not valid UTF-8 (at byte 3)');
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const e = await rejection(tgzOf([{ name: 'config.yaml', data: bomb }]), 'b.tgz');
    expect(e.entry).toBe('config.yaml');
    expect(e.message).toMatch(/^b\.tgz: config\.yaml could not be loaded: /);
  });

  it('says what it found when config.yaml is missing, and spots an archive made one directory too high', async () => {
    expect((await rejection(tgzOf([{ name: 'ssl.cert', data: 'x' }]), 'up.tgz')).message).toBe('up.tgz: config.yaml is missing at the top of the bundle (found: ssl.cert)');
    const e = await rejection(
      tgzOf([
        { name: 'quay/', type: '5' },
        { name: 'quay/config.yaml', data: 'A: 1' },
        { name: 'quay/ssl.cert', data: 'x' },
      ]),
    );
    expect(e.message).toBe(
      'config.yaml is missing at the top of the bundle (found: quay, quay/config.yaml, quay/ssl.cert); quay/config.yaml suggests the archive was made from the directory above the bundle: create it with `tar -C quay -czf quay-config.tar.gz .`',
    );
    expect((await rejection(tarOf([]))).message).toBe('config.yaml is missing: the bundle is empty');
  });
});

describe('readBundleFromArchive: hostile archives', () => {
  const cases: Array<[string, Array<RawEntry | Buffer>, string]> = [
    ['an absolute path', [CONFIG_ENTRY, { name: '/etc/cron.d/evil', data: 'x' }], 'entry "/etc/cron.d/evil": absolute path'],
    ['a ".." component', [CONFIG_ENTRY, { name: 'extra_ca_certs/../../evil.crt', data: 'x' }], 'entry "extra_ca_certs/../../evil.crt": path contains ".." (it would leave the bundle directory)'],
    ['a ".." in a ustar prefix', [CONFIG_ENTRY, { name: 'x.crt', prefix: '..', data: 'x' }], 'entry "../x.crt": path contains ".."'],
    ['a ".." in a pax path', [CONFIG_ENTRY, paxEntry({ path: '../pax.crt' }), { name: 'innocent.crt', data: 'x' }], 'entry "../pax.crt": path contains ".."'],
    ['a backslash', [CONFIG_ENTRY, { name: '..\\evil.crt', data: 'x' }], 'entry "..\\\\evil.crt": name contains a backslash'],
    ['a symlink', [{ name: 'ssl.key', type: '2', linkName: '/etc/shadow' }, CONFIG_ENTRY], 'entry "ssl.key": is a symbolic link (to "/etc/shadow"); a bundle holds only regular files'],
    ['config.yaml as a symlink', [{ name: 'config.yaml', type: '2', linkName: '../../x' }], 'entry "config.yaml": is a symbolic link (to "../../x")'],
    ['a hard link', [CONFIG_ENTRY, { name: 'ssl.cert', type: '1', linkName: 'config.yaml' }], 'entry "ssl.cert": is a hard link (to "config.yaml")'],
    ['a character device', [CONFIG_ENTRY, { name: 'null', type: '3' }], 'entry "null": is a device file'],
    ['a block device', [CONFIG_ENTRY, { name: 'sda', type: '4' }], 'entry "sda": is a device file'],
    ['a FIFO', [CONFIG_ENTRY, { name: 'pipe', type: '6' }], 'entry "pipe": is a FIFO (named pipe)'],
    ['a sparse file', [CONFIG_ENTRY, { name: 'sparse', type: 'S', data: 'x' }], 'entry "sparse": has unsupported tar entry type "S"'],
    ['duplicate names ./a and a', [CONFIG_ENTRY, { name: './ssl.cert', data: 'a' }, { name: 'ssl.cert', data: 'b' }], 'entry "ssl.cert": appears twice in the bundle (first as "./ssl.cert")'],
    ['two config.yaml', [CONFIG_ENTRY, { name: 'config.yaml', data: 'A: 2' }], 'entry "config.yaml": appears twice in the bundle (first as "config.yaml")'],
    ['config.yaml as a directory', [{ name: 'config.yaml/', type: '5' }], 'entry "config.yaml/": config.yaml must be a regular file, not a directory'],
    [
      'a file that is also a directory',
      [CONFIG_ENTRY, { name: 'extra_ca_certs', data: 'x' }, { name: 'extra_ca_certs/a.crt', data: 'y' }],
      'entry "extra_ca_certs/a.crt": "extra_ca_certs" is both a file and a directory',
    ],
    ['a name that is not UTF-8', [CONFIG_ENTRY, { name: Buffer.from('caf\xe9.crt', 'latin1'), data: 'x' }], 'entry "caf\\xe9.crt": name is not valid UTF-8'],
    ['a control character', [CONFIG_ENTRY, { name: 'a\nb.crt', data: 'x' }], 'entry "a\\u000ab.crt": name contains a control character'],
    ['a text-direction override', [CONFIG_ENTRY, { name: 'ssl\u202etrec.key', data: 'x' }], 'entry "ssl\\u202etrec.key": name contains an invisible or text-direction character'],
    ['a name over 255 bytes', [CONFIG_ENTRY, paxEntry({ path: 'n'.repeat(256) }), { name: 'x', data: 'x' }], `entry "${'n'.repeat(256)}": name is 256 bytes long, over the 255-byte limit`],
    ['a path 9 levels deep', [CONFIG_ENTRY, { name: 'a/b/c/d/e/f/g/h/i', data: 'x' }], 'entry "a/b/c/d/e/f/g/h/i": path is 9 levels deep, over the limit of 8'],
    ['a file over 20 MiB', [CONFIG_ENTRY, ustarHeader({ name: 'huge.pem', size: 21 * MiB })], 'entry "huge.pem": is 21 MiB, over the 20 MiB limit for one file'],
    ['a config.yaml over 5 MiB', [ustarHeader({ name: 'config.yaml', size: 6 * MiB })], 'entry "config.yaml": is 6 MiB, over the 5 MiB limit for config.yaml'],
    ['a corrupt header', [CONFIG_ENTRY, { name: 'ssl.cert', data: 'x', badChecksum: true }], 'entry "ssl.cert": corrupt tar header at byte 1024 (checksum mismatch)'],
  ];

  it.each(cases)('rejects %s, naming the entry', async (_name, entries, message) => {
    const e = await rejection(tgzOf(entries), 'bundle.tgz');
    expect(e.message.startsWith(`bundle.tgz: ${message}`)).toBe(true);
    expect(e instanceof BundleTooLargeError).toBe(message.includes('MiB limit'));
    // The entry as named in the message, unescaped where it is text.
    const named = /^entry (".*?(?<!\\)")/.exec(message)?.[1] ?? '';
    expect(e.entry).toBe(named.includes('\\x') ? named : JSON.parse(named));
  });

  it('rejects more than MAX_ENTRIES entries', async () => {
    const entries = Array.from({ length: MAX_ENTRIES + 1 }, (_, i): RawEntry => ({ name: `junk/${i}`, data: '' }));
    const e = await rejection(tgzOf([CONFIG_ENTRY, ...entries]));
    expect(e.message).toBe(`has more than ${MAX_ENTRIES} entries (the limit)`);
    expect(e).toBeInstanceOf(BundleTooLargeError);
  });

  it('rejects truncated and corrupt archives', async () => {
    const tar = tarOf([CONFIG_ENTRY, { name: 'ssl.cert', data: 'x'.repeat(2000) }]);
    expect((await rejection(tar.subarray(0, 1024 + 512 + 100))).message).toBe('entry "ssl.cert": the archive is truncated: the entry needs 1900 more bytes');
    expect((await rejection(tar.subarray(0, 1024 + 100))).message).toBe('the archive is truncated in the middle of an entry header');
    const gz = gzipSync(tar);
    expect((await rejection(gz.subarray(0, gz.length - 10))).message).toMatch(/^the gzip data is corrupt or truncated \(unexpected end of file\)$/);
    const corrupt = Buffer.from(gz);
    corrupt[20] = (corrupt[20] ?? 0) ^ 0xff;
    expect((await rejection(corrupt)).message).toMatch(/^the gzip data is corrupt or truncated \(/);
    expect((await rejection(gzipSync('just text'))).message).toBe('the gzip data is not a tar archive');
  });

  it('rejects what is not a tar archive, by content', async () => {
    expect((await rejection(Buffer.from('PK\x03\x04rest'), 'b.zip')).message).toBe('b.zip: is a zip archive, not a tar.gz; create it with `tar -C /conf/stack -czf quay-config.tar.gz .`');
    expect((await rejection(Buffer.from('BZh91AY&SY'))).message).toMatch(/^is compressed with bzip2, which is not supported/);
    expect((await rejection(Buffer.from('A: 1\n'))).message).toMatch(/^is neither a tar\.gz nor a tar archive/);
  });

  it('rejects an upload over 50 MiB before looking inside', async () => {
    const e = await rejection(Buffer.alloc(50 * MiB + 1));
    expect(e.message).toBe('is 50.0 MiB, over the 50 MiB upload limit');
    expect(e).toBeInstanceOf(BundleTooLargeError);
  });
});

describe('gzip bombs', () => {
  /** 1 GiB of zeros as a tar entry in about 1 MiB: one 16 MiB gzip member of zeros, repeated. */
  function zeroBomb(prefix: Buffer[] = []): Buffer {
    const member = gzipSync(Buffer.alloc(16 * MiB), { level: 9 });
    return Buffer.concat([...prefix, ...Array.from({ length: 64 }, () => member)]);
  }

  it('stops a 1 GiB bomb hidden in tar entries below every per-entry limit, early', async () => {
    const headers = [gzipSync(ustarEntry(CONFIG_ENTRY)), gzipSync(ustarHeader({ name: 'junk/zeros.bin', size: 1024 * MiB - 4096 }))];
    const bomb = zeroBomb(headers);
    expect(bomb.length).toBeLessThan(2 * MiB);
    const e = await rejection(bomb);
    expect(e.message).toMatch(/^inflates more than 100 times its compressed size \(stopped after \d+(\.\d)? MiB; a gzip bomb\?\)$/);
    expect(e).toBeInstanceOf(BundleTooLargeError);
  });

  it('never inflates more than the limit, even when the ratio looks harmless', async () => {
    // 4 MiB of incompressible bytes in front keep the ratio under 100 until well past 200 MiB.
    const bomb = zeroBomb([gzipSync(randomBytes(4 * MiB), { level: 1 })]);
    let seen = 0;
    const error = await inflateBounded(bomb, (chunk) => {
      seen += chunk.length;
    }).catch((e: unknown) => e);
    expect(String(error)).toBe('Error: inflates to more than the 200 MiB limit (stopped there; a gzip bomb?)');
    expect(seen).toBeLessThanOrEqual(MAX_TOTAL_UNCOMPRESSED_BYTES);
    expect(seen).toBeGreaterThan(MAX_TOTAL_UNCOMPRESSED_BYTES - 64 * 1024);
  });

  it('goes on inflating after the end of the tar stream, within the limits, to check the gzip trailer', async () => {
    const e = await rejection(zeroBomb([gzipSync(tarOf([CONFIG_ENTRY]))]));
    expect(e.message).toMatch(/^inflates more than 100 times its compressed size/);
  });
});
