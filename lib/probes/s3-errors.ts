import { error } from '../report/findings';
import type { Finding } from '../report/types';
import type { ProbeHttpResponse } from './http';

/** Config key paths per concern, each list ending with the location's own path. */
export interface S3FindingFields {
  location: string[];
  endpoint: string[];
  bucket: string[];
  credentials: string[];
}

/** What the S3 error document says (`<Error><Code>…</Code><Message>…</Message></Error>`). */
export interface S3Error {
  code?: string;
  message?: string;
  region?: string;
}

/** Reads the S3 error document of a response (also GCS's and Ceph's, which use the same shape). */
export function s3ErrorOf(res: Pick<ProbeHttpResponse, 'body'>): S3Error {
  const tag = (name: string) => {
    const m = res.body.match(new RegExp(`<${name}>([^<]{0,300})</${name}>`));
    return m?.[1]?.trim();
  };
  const out: S3Error = {};
  const code = tag('Code');
  const message = tag('Message');
  const region = tag('Region');
  if (code) out.code = code;
  if (message) out.message = message;
  if (region) out.region = region;
  return out;
}

const AUTH_MESSAGES: Record<string, string> = {
  InvalidAccessKeyId: 'the access key is not known to the server',
  SignatureDoesNotMatch: 'the secret key does not match the access key',
  InvalidSecurity: 'the credentials were rejected',
  InvalidToken: 'the session token is invalid',
  ExpiredToken: 'the session token has expired',
  TokenRefreshRequired: 'the session token has expired',
  AuthorizationHeaderMalformed: 'the server rejected the request signature (wrong region?)',
  RequestTimeTooSkewed: "this machine's clock differs too much from the server's",
  InvalidClientTokenId: 'the access key is not known to the server',
};

type Op = 'head' | 'put' | 'get' | 'delete';

const DENIED: Record<Op, { code: string; what: string; permission: string }> = {
  head: { code: 'bucket-head-denied', what: 'may not check the bucket (HeadBucket), which Quay does when it starts', permission: 's3:ListBucket on the bucket' },
  put: { code: 'write-denied', what: 'can read the bucket but not write to it', permission: 's3:PutObject under storage_path' },
  get: { code: 'read-denied', what: 'can write but not read back', permission: 's3:GetObject under storage_path' },
  delete: { code: 'delete-denied', what: 'can write and read but not delete (Quay deletes uploads and garbage-collected blobs)', permission: 's3:DeleteObject under storage_path' },
};

/**
 * Turns an S3 error answer into the finding that says which rung failed and why: bad key or
 * signature (auth), missing bucket, a missing permission for one operation, no server-side
 * encryption. Returns undefined when the answer is not recognised.
 */
export function classifyS3Error(err: S3Error, status: number, op: Op, t: { label: string; bucket: string; key: string; serverSideEncryption?: boolean }, f: S3FindingFields): Finding | undefined {
  const code = err.code ?? '';
  const detail = code ? ` (${code})` : ` (HTTP ${status})`;
  const authMessage = AUTH_MESSAGES[code];
  if (authMessage) {
    return error(f.credentials, `${t.label}: ${authMessage}${detail}`, {
      code: 'auth-failed',
      stage: 'auth',
      hint: code === 'RequestTimeTooSkewed' ? 'synchronise the clock (NTP) of the Quay host' : 'check the access key and secret key of this location',
    });
  }
  if (code === 'NoSuchBucket') {
    return error(f.bucket, `${t.label}: bucket "${t.bucket}" does not exist${detail}`, {
      code: 'bucket-missing',
      stage: 'semantic',
      hint: 'create the bucket first (Quay does not create it), or fix the bucket name',
    });
  }
  if (code === 'InvalidBucketName') {
    return error(f.bucket, `${t.label}: "${t.bucket}" is not a valid bucket name${detail}`, { code: 'invalid-bucket-name', stage: 'semantic' });
  }
  if (op === 'put' && t.serverSideEncryption && (code === 'NotImplemented' || /encrypt/i.test(err.message ?? ''))) {
    return error(f.endpoint, `${t.label}: the endpoint refuses server-side encryption, which Quay's S3Storage requests on every upload${detail}`, {
      code: 'sse-unsupported',
      stage: 'semantic',
      hint: 'for S3-compatible storage (Ceph, MinIO, NooBaa, …) use RadosGWStorage, which does not request encryption',
    });
  }
  if (code === 'AccessDenied' || code === 'AllAccessDisabled' || (status === 403 && op !== 'head')) {
    const d = DENIED[op];
    return error(f.credentials, `${t.label}: the credentials ${d.what}${detail}${op === 'delete' ? `; probe object ${t.key} was left behind` : ''}`, {
      code: d.code,
      stage: 'semantic',
      hint: `grant ${d.permission}`,
    });
  }
  if (op === 'head' && (status < 300 || status === 403 || status === 404)) {
    // Reading an object was allowed (or refused without a code): HeadBucket itself was denied.
    const d = DENIED.head;
    return error(f.credentials, `${t.label}: the credentials ${d.what}${detail}`, { code: d.code, stage: 'semantic', hint: `grant ${d.permission}` });
  }
  if (status === 401) {
    return error(f.credentials, `${t.label}: the server rejected the credentials${detail}`, { code: 'auth-failed', stage: 'auth' });
  }
  return undefined;
}
