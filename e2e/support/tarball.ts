import { gunzipSync, gzipSync } from 'node:zlib';

/** One entry of a test archive; `type` '0' file, '2' symlink, '5' directory. */
export interface TarEntry {
  name: string;
  content?: string | Buffer;
  type?: '0' | '2' | '5';
  linkname?: string;
  mode?: number;
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/**
 * A .tar.gz built by hand (ustar headers), so tests can produce archives a well-behaved tar tool
 * refuses to write: `../../etc/passwd`, absolute paths, links.
 */
export function makeTarGz(entries: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = Buffer.isBuffer(e.content) ? e.content : Buffer.from(e.content ?? '', 'utf8');
    const header = Buffer.alloc(512, 0);
    header.write(e.name, 0, 100, 'utf8');
    header.write(octal(e.mode ?? (e.type === '5' ? 0o755 : 0o644), 8), 100, 'ascii');
    header.write(octal(0, 8), 108, 'ascii');
    header.write(octal(0, 8), 116, 'ascii');
    header.write(octal(e.type === '0' || !e.type ? body.length : 0, 12), 124, 'ascii');
    header.write(octal(Math.floor(Date.now() / 1000), 12), 136, 'ascii');
    header.write('        ', 148, 'ascii');
    header.write(e.type ?? '0', 156, 'ascii');
    if (e.linkname) header.write(e.linkname, 157, 100, 'utf8');
    header.write('ustar\u000000', 257, 'binary');
    let sum = 0;
    for (const b of header) sum += b;
    header.write(octal(sum, 7) + ' ', 148, 'ascii');
    blocks.push(header);
    if ((e.type ?? '0') === '0') {
      blocks.push(body);
      const pad = (512 - (body.length % 512)) % 512;
      if (pad) blocks.push(Buffer.alloc(pad, 0));
    }
  }
  blocks.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(blocks));
}

/** The regular files of a .tar.gz by name (a minimal ustar reader for checking downloads). */
export function readTarGz(data: Buffer): Map<string, { content: Buffer; mode: number }> {
  const tar = gunzipSync(data);
  const out = new Map<string, { content: Buffer; mode: number }>();
  let off = 0;
  while (off + 512 <= tar.length) {
    const header = tar.subarray(off, off + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, len: number) =>
      header
        .subarray(start, start + len)
        .toString('utf8')
        .replace(/\0.*$/s, '');
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const mode = parseInt(field(100, 8).trim() || '0', 8);
    const type = field(156, 1) || '0';
    const start = off + 512;
    if (type === '0') out.set(name.replace(/^\.\//, ''), { content: Buffer.from(tar.subarray(start, start + size)), mode });
    off = start + Math.ceil(size / 512) * 512;
  }
  return out;
}
