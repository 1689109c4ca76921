import { createPrivateKey } from 'node:crypto';
import { error } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import type { RuleContext } from '../define';
import { param, paramFields, paramPath, type EngineSpec, type StorageLocation } from './engine';
import { checkS3Connection, ownS3Params, S3_PARAMS, s3ProbeRun } from './s3';

/**
 * CloudFrontedS3Storage: S3Storage plus signed CloudFront URLs. The live check is the S3 bucket
 * only: no CloudFront API call, which the runtime never makes and a least-privilege policy does not
 * allow (quay/config-tool@f4fd536). The signing key file must be in the bundle, because Quay loads
 * it from the config volume at start-up (`_load_private_key` → `config_provider.get_volume_file`).
 */

/** A bundle file as Quay's config provider would open it: relative to /conf/stack. */
export function bundleFile(files: BundleFiles, name: string): Uint8Array | undefined {
  const rel = name.replace(/^\/?conf\/stack\//, '').replace(/^\.\//, '');
  return files.get(rel);
}

/**
 * The signing key named by `key` must be a PEM private key in the bundle. `convention` is the
 * file name the config editors upload (`<location>-cloudfront-signing-key.pem`).
 */
export function checkSigningKeyFile(loc: StorageLocation, key: string, convention: string, ctx: RuleContext): Finding[] {
  const name = param(loc, key);
  const path = paramPath(loc.name, key);
  if (name === undefined) {
    if (loc.params[key] !== undefined && loc.params[key] !== null) return [];
    const present = ctx.files.has(convention);
    return [
      error(paramFields(loc, key), `${path} is required: the private key that signs download URLs`, {
        code: 'required',
        hint: present ? `the bundle has ${convention}: set ${key}: ${convention}` : `add the key to the bundle, conventionally as ${convention}, and name it here`,
      }),
    ];
  }
  const bytes = bundleFile(ctx.files, name);
  if (!bytes) {
    return [
      error(paramFields(loc, key), `${path}: file "${name}" is not in the config bundle, and Quay loads it from there at start-up`, {
        code: 'file-missing',
        hint: `add ${name} next to config.yaml`,
      }),
    ];
  }
  try {
    createPrivateKey({ key: Buffer.from(bytes), format: 'pem' });
    return [];
  } catch {
    return [error(paramFields(loc, key), `${path}: "${name}" is not an unencrypted PEM private key`, { code: 'invalid-private-key' })];
  }
}

export const cloudFrontedS3Storage: EngineSpec = {
  name: 'CloudFrontedS3Storage',
  params: {
    ...S3_PARAMS,
    cloudfront_distribution_domain: { kind: 'string', required: true },
    cloudfront_key_id: { kind: 'string', required: true },
    // Required too, but checkSigningKeyFile reports its absence with a better hint.
    cloudfront_privatekey_filename: { kind: 'string' },
    s3_region: { kind: 'string', required: true },
    cloudfront_distribution_org_overrides: { kind: 'object' },
  },
  check: (loc, ctx) => [...checkS3Connection(ownS3Params(loc)), ...checkSigningKeyFile(loc, 'cloudfront_privatekey_filename', `${loc.name}-cloudfront-signing-key.pem`, ctx)],
  probe: (loc) => s3ProbeRun(ownS3Params(loc)),
};
