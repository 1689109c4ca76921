import { readFile, stat } from 'node:fs/promises';
import { loadConfigYaml } from '../config/load';
import { BundleError, type Bundle } from './types';

/**
 * Reads a bundle from a path: a directory (like /conf/stack), a `.tar.gz`/`.tgz`/`.tar` archive or
 * a lone `config.yaml`. Throws BundleError with a message naming the entry at fault.
 */
export async function readBundleFromPath(p: string): Promise<Bundle> {
  const info = await stat(p).catch(() => null);
  if (!info) throw new BundleError(`${p}: no such file or directory`, p);
  if (info.isDirectory()) throw new BundleError(`${p}: reading directories is not implemented yet`, p);
  const bytes = await readFile(p);
  const loaded = loadConfigYaml(bytes, p);
  if (!loaded.ok) throw new BundleError(loaded.error, 'config.yaml');
  return { config: loaded.config, configText: bytes.toString('utf8'), doc: loaded.doc, files: new Map(), findings: loaded.findings };
}
