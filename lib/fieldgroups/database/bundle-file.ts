import type { BundleFiles } from '../../bundle/types';

/**
 * Paths in the config that name files of the bundle. Quay unpacks the bundle into `/conf/stack`
 * (its working directory is `/quay-registry`, where `conf/stack` points to the same place), so
 * `/conf/stack/database.pem`, `conf/stack/database.pem` and a bare `database.pem` all mean the
 * bundle file `database.pem`.
 */

const STACK_PREFIXES = ['/quay-registry/conf/stack/', '/conf/stack/', 'conf/stack/'];

/** CA bundles of the Quay image's system trust store, which include `extra_ca_certs/*` at boot (certs_install.sh). */
const SYSTEM_CA_FILES = new Set(['system', '/etc/pki/tls/certs/ca-bundle.crt', '/etc/pki/tls/cert.pem', '/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem', '/etc/ssl/certs/ca-certificates.crt']);

export type BundleFileRef = { kind: 'bundle'; name: string; text: string } | { kind: 'missing'; name: string } | { kind: 'system' } | { kind: 'outside'; path: string };

/** The bundle file name a config path refers to, or undefined when it points outside the bundle. */
export function bundleNameFor(configPath: string): string | undefined {
  let p = configPath.trim().replace(/^\.\//, '');
  for (const prefix of STACK_PREFIXES) {
    if (p.startsWith(prefix)) {
      p = p.slice(prefix.length);
      break;
    }
  }
  if (p === '' || p.startsWith('/') || p.split('/').some((part) => part === '..' || part === '')) return undefined;
  return p;
}

/** Resolves a file path from the config against the bundle (or the image's system trust store). */
export function resolveBundleFile(files: BundleFiles, configPath: string): BundleFileRef {
  if (SYSTEM_CA_FILES.has(configPath.trim())) return { kind: 'system' };
  const name = bundleNameFor(configPath);
  if (name === undefined) return { kind: 'outside', path: configPath };
  const bytes = files.get(name);
  return bytes ? { kind: 'bundle', name, text: Buffer.from(bytes).toString('latin1') } : { kind: 'missing', name };
}

/** Text of a bundle file, when present. */
export function bundleText(files: BundleFiles, name: string): string | undefined {
  const bytes = files.get(name);
  return bytes ? Buffer.from(bytes).toString('latin1') : undefined;
}
