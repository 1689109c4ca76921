import { checkSigningKeyFile } from './cloudfront';
import type { EngineSpec } from './engine';
import { checkS3Connection, ownS3Params, S3_PARAMS, s3ProbeRun } from './s3';

/**
 * CloudFlareStorage (storage/cloudflarestorage.py `CloudFlareS3Storage`): S3Storage with URLs
 * rewritten to a CloudFlare domain and signed with a private key from the config volume.
 * `s3_region` is a required argument there.
 */
export const cloudFlareStorage: EngineSpec = {
  name: 'CloudFlareStorage',
  params: {
    ...S3_PARAMS,
    cloudflare_domain: { kind: 'string', required: true },
    // Required too, but checkSigningKeyFile reports its absence with a better hint.
    cloudflare_privatekey_filename: { kind: 'string' },
    s3_region: { kind: 'string', required: true },
  },
  check: (loc, ctx) => [...checkS3Connection(ownS3Params(loc)), ...checkSigningKeyFile(loc, 'cloudflare_privatekey_filename', `${loc.name}-cloudflare-signing-key.pem`, ctx)],
  probe: (loc) => s3ProbeRun(ownS3Params(loc)),
};
