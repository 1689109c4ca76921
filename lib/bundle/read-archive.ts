import { createGunzip } from 'node:zlib';
import { BundleBuilder, formatBytes } from './builder';
import { displayName } from './entry-names';
import { MAX_EXPANSION_RATIO, MAX_TOTAL_UNCOMPRESSED_BYTES, MAX_UPLOAD_BYTES, MIN_BYTES_FOR_RATIO_CHECK } from './limits';
import { isTarHeader, TarFormatError, TarReader, type TarEntry } from './tar-reader';
import type { Bundle } from './types';

/** What a buffer holds, judged by its first bytes (never by a file name). */
export type ContentKind = 'gzip' | 'tar' | 'zip' | 'bzip2' | 'xz' | 'zstd' | 'other';

/** Sniffs the format of an upload from its magic numbers and the tar header checksum. */
export function sniffContent(bytes: Uint8Array): ContentKind {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x1f, 0x8b)) return 'gzip';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0x42, 0x5a, 0x68)) return 'bzip2';
  if (starts(0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00)) return 'xz';
  if (starts(0x28, 0xb5, 0x2f, 0xfd)) return 'zstd';
  if (bytes.length >= 512 && isTarHeader(bytes.subarray(0, 512))) return 'tar';
  // An empty tar is only its end-of-archive marker: two zero blocks.
  if (bytes.length >= 1024 && bytes.subarray(0, 1024).every((b) => b === 0)) return 'tar';
  return 'other';
}

/**
 * Reads a bundle from a `.tar.gz`/`.tgz` or `.tar` held in memory, detected by content. The tar
 * stream is parsed as it is inflated and nothing is written anywhere; inflation stops as soon as
 * a limit is passed. Throws a BundleError naming the entry at fault and the reason.
 */
export async function readBundleFromArchive(bytes: Buffer, label?: string): Promise<Bundle> {
  const builder = new BundleBuilder({ label });
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw builder.bundleError(`is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_UPLOAD_BYTES)} upload limit`, undefined, true);
  }
  const kind = sniffContent(bytes);
  if (kind !== 'gzip' && kind !== 'tar') throw builder.bundleError(notAnArchive(kind));
  const stored = new WeakMap<TarEntry, string>();
  const reader = new TarReader({
    onEntry: (entry) => {
      const name = admitEntry(builder, entry);
      if (name !== null) stored.set(entry, name);
      return name !== null;
    },
    onData: (entry, data) => builder.store(stored.get(entry) ?? '', data),
  });
  try {
    // After the end-of-archive marker the reader ignores what comes; inflation goes on, bounded,
    // only to check the gzip trailer.
    if (kind === 'gzip') await inflateBounded(bytes, (chunk) => reader.push(chunk));
    else reader.push(bytes);
    reader.end();
  } catch (e) {
    if (e instanceof TarFormatError) {
      const reason = kind === 'gzip' && e.message === 'not a tar archive' ? 'the gzip data is not a tar archive' : e.message;
      throw e.entryName ? builder.entryError(e.entryName, reason) : builder.bundleError(reason);
    }
    if (e instanceof InflateError) throw builder.bundleError(e.message, undefined, e.tooLarge);
    throw e;
  }
  return builder.build();
}

/** Applies the entry-type rules, then the builder's name, layout and size rules. */
function admitEntry(builder: BundleBuilder, entry: TarEntry): string | null {
  const name = builder.checkName(entry.name);
  const link = entry.linkName.length ? ` (to ${displayName(entry.linkName)})` : '';
  switch (entry.kind) {
    case 'file':
    case 'dir':
      return builder.admit(entry.name, name, entry.kind, entry.size);
    case 'symlink':
      throw builder.entryError(entry.name, `is a symbolic link${link}; a bundle holds only regular files`);
    case 'hardlink':
      throw builder.entryError(entry.name, `is a hard link${link}; a bundle holds only regular files`);
    case 'char-device':
    case 'block-device':
      throw builder.entryError(entry.name, 'is a device file; a bundle holds only regular files');
    case 'fifo':
      throw builder.entryError(entry.name, 'is a FIFO (named pipe); a bundle holds only regular files');
    default:
      throw builder.entryError(entry.name, `has unsupported tar entry type ${JSON.stringify(entry.typeFlag)}; a bundle holds only regular files`);
  }
}

function notAnArchive(kind: ContentKind): string {
  const hint = 'create it with `tar -C /conf/stack -czf quay-config.tar.gz .`';
  if (kind === 'zip') return `is a zip archive, not a tar.gz; ${hint}`;
  if (kind === 'other') return `is neither a tar.gz nor a tar archive; ${hint}`;
  return `is compressed with ${kind}, which is not supported; ${hint}`;
}

/** Inflation was stopped (a limit: `tooLarge`) or failed (corrupt or truncated gzip data). */
export class InflateError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/**
 * Inflates gzip data (all members), handing each chunk to `onChunk` as it comes. Stops, without
 * inflating further, as soon as the running total passes MAX_TOTAL_UNCOMPRESSED_BYTES or the
 * expansion ratio passes MAX_EXPANSION_RATIO. Inflates to the end even when the caller needs no
 * more, so that the gzip checksum catches corrupt or truncated data. Resolves to the bytes inflated.
 */
export function inflateBounded(input: Buffer, onChunk: (chunk: Buffer) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: 64 * 1024 });
    let total = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      gunzip.removeAllListeners('data');
      gunzip.destroy();
      if (error === undefined) resolve(total);
      else reject(error);
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      total += chunk.length;
      if (total > MAX_TOTAL_UNCOMPRESSED_BYTES) {
        return finish(new InflateError(`inflates to more than the ${formatBytes(MAX_TOTAL_UNCOMPRESSED_BYTES)} limit (stopped there; a gzip bomb?)`, true));
      }
      if (total > MIN_BYTES_FOR_RATIO_CHECK && total > MAX_EXPANSION_RATIO * input.length) {
        return finish(new InflateError(`inflates more than ${MAX_EXPANSION_RATIO} times its compressed size (stopped after ${formatBytes(total)}; a gzip bomb?)`, true));
      }
      try {
        onChunk(chunk);
      } catch (e) {
        finish(e);
      }
    });
    gunzip.on('end', () => finish());
    gunzip.on('error', (e: Error) => finish(new InflateError(`the gzip data is corrupt or truncated (${e.message})`)));
    gunzip.end(input);
  });
}
