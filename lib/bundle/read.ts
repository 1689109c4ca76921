import { stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { BundleBuilder, formatBytes } from './builder';
import { MAX_CONFIG_YAML_BYTES, MAX_UPLOAD_BYTES } from './limits';
import { readBundleFromArchive, sniffContent } from './read-archive';
import { readBundleFromDirectory } from './read-directory';
import type { Bundle } from './types';

export { bundleFromJson } from './json';
export { readBundleFromArchive } from './read-archive';
export { readBundleFromDirectory } from './read-directory';

/**
 * Reads a bundle from a path: a directory (like /conf/stack), a `.tar.gz`/`.tgz`/`.tar` archive or
 * a lone `config.yaml`, told apart by content, not by name. Throws a BundleError whose message
 * starts with the path and names the entry at fault.
 */
export async function readBundleFromPath(p: string): Promise<Bundle> {
  const builder = new BundleBuilder({ label: p });
  const info = await stat(p).catch(() => null);
  if (!info) throw builder.bundleError('no such file or directory');
  if (info.isDirectory()) return readBundleFromDirectory(p, p);
  if (!info.isFile()) throw builder.bundleError('is not a regular file or a directory');
  if (info.size > MAX_UPLOAD_BYTES) {
    throw builder.bundleError(`is ${formatBytes(info.size)}, over the ${formatBytes(MAX_UPLOAD_BYTES)} limit`, undefined, true);
  }
  return readBundleFromBytes(await readFile(p), p);
}

/**
 * Reads a bundle from bytes that are a tar.gz, a tar, or a lone config.yaml (anything that is not
 * an archive is taken as YAML). For uploads whose kind is not known in advance.
 */
export async function readBundleFromBytes(bytes: Buffer, label?: string): Promise<Bundle> {
  if (sniffContent(bytes) !== 'other') return readBundleFromArchive(bytes, label);
  const builder = new BundleBuilder({ label });
  if (bytes.length > MAX_CONFIG_YAML_BYTES) {
    throw builder.bundleError(`is not an archive, and as config.yaml it is ${formatBytes(bytes.length)}, over the ${formatBytes(MAX_CONFIG_YAML_BYTES)} limit`, 'config.yaml', true);
  }
  const entry = builder.checkName('config.yaml');
  builder.admit('config.yaml', entry, 'file', bytes.length);
  builder.store('config.yaml', bytes);
  return builder.build();
}
