import { error } from '../../report/findings';
import type { Finding } from '../../report/types';
import { param, paramFields, paramPath, type EngineSpec, type StorageLocation } from './engine';
import { checkS3Connection, ownS3Params, S3_PARAMS, s3ProbeRun } from './s3';

/**
 * AkamaiS3Storage (storage/akamaistorage.py): S3Storage with Akamai EdgeAuth-signed URLs.
 * `amz_encryption_token`, when set, is used as an AES key, so it must be 16, 24 or 32 bytes.
 */
function check(loc: StorageLocation): Finding[] {
  const findings = checkS3Connection(ownS3Params(loc));
  const token = param(loc, 'amz_encryption_token');
  if (token !== undefined && ![16, 24, 32].includes(Buffer.byteLength(token, 'utf8'))) {
    findings.push(
      error(paramFields(loc, 'amz_encryption_token'), `${paramPath(loc.name, 'amz_encryption_token')} must be 16, 24 or 32 bytes long (an AES key), got ${Buffer.byteLength(token, 'utf8')}`, {
        code: 'invalid-aes-key',
      }),
    );
  }
  return findings;
}

export const akamaiS3Storage: EngineSpec = {
  name: 'AkamaiS3Storage',
  params: {
    ...S3_PARAMS,
    akamai_domain: { kind: 'string', required: true },
    akamai_shared_secret: { kind: 'string', required: true },
    s3_region: { kind: 'string', required: true },
    amz_encryption_token: { kind: 'string' },
  },
  check,
  probe: (loc) => s3ProbeRun(ownS3Params(loc)),
};
