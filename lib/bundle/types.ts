import type { Document } from 'yaml';
import type { ConfigMap } from '../config/values';
import type { Finding } from '../report/types';

/** Files of the bundle by relative path: `ssl.cert`, `database.pem`, `extra_ca_certs/ca.crt`. */
export type BundleFiles = ReadonlyMap<string, Uint8Array>;

/**
 * A Quay config bundle in memory: what `/conf/stack` holds. `files` are the other files by relative
 * path (`ssl.cert`, `extra_ca_certs/ca.crt`, …); `config.yaml` itself is not among them.
 */
export interface Bundle {
  /** The config as Quay will read it. */
  config: ConfigMap;
  /** The original `config.yaml` text, kept so an unedited config is written back byte for byte. */
  configText: string | null;
  /** The parsed YAML document (comments, key order), when the config came from YAML. */
  doc: Document | null;
  files: Map<string, Buffer>;
  /** What reading found: duplicate keys, entries left out of the bundle, … */
  findings: Finding[];
}

/** A bundle that cannot be read at all; `entry` names the archive member or file at fault. */
export class BundleError extends Error {
  constructor(
    message: string,
    readonly entry?: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

/**
 * A bundle over one of the fixed limits of `limits.ts` (upload, file or total size, entry count,
 * gzip expansion): the API answers 413 rather than 400.
 */
export class BundleTooLargeError extends BundleError {
  constructor(message: string, entry?: string) {
    super(message, entry);
    this.name = 'BundleTooLargeError';
  }
}
