import type { Finding } from '../report/types';
import type { ProbeContext } from './context';
import { probeS3Storage, type S3ProbeFields } from './s3';

/** Google Cloud Storage's XML API, which Quay's driver reaches through boto3 (storage/cloud.py). */
export const GCS_ENDPOINT = 'https://storage.googleapis.com';

export interface GcsProbeTarget {
  label: string;
  bucket: string;
  /** Full object key of the probe object. */
  key: string;
  /** HMAC interoperability key (access key id and secret). */
  accessKey: string;
  secretKey: string;
  fields: S3ProbeFields;
  /** Override for tests; Quay always uses storage.googleapis.com over HTTPS. */
  endpoint?: string;
}

/**
 * GoogleCloudStorage as Quay runs it: boto3 against storage.googleapis.com with HMAC keys, SigV4
 * signed for us-east-1 (boto3's default without a region), path-style, no encryption header
 * (config-tool did the same through minio, quay/config-tool#131: always HTTPS). Write, read back,
 * delete one probe object under storage_path; never touches CORS (Quay's `setup()` does).
 */
export function probeGcsStorage(t: GcsProbeTarget, ctx: ProbeContext): Promise<Finding[]> {
  return probeS3Storage(
    {
      label: t.label,
      endpoint: t.endpoint ?? GCS_ENDPOINT,
      region: 'us-east-1',
      bucket: t.bucket,
      pathStyle: true,
      key: t.key,
      credentials: { accessKeyId: t.accessKey, secretAccessKey: t.secretKey },
      fields: t.fields,
    },
    ctx,
  );
}
