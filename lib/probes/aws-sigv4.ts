import { createHash, createHmac } from 'node:crypto';

/** Static AWS credentials (an access key pair, plus a session token for STS credentials). */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignOptions {
  /** `s3`, `es`, `sts`, … */
  service: string;
  region: string;
  credentials: AwsCredentials;
  /** Fixed clock for tests; defaults to now. */
  now?: Date;
}

/** Hex SHA-256 of a request body (the `x-amz-content-sha256` value). */
export function sha256Hex(body: string | Uint8Array = ''): string {
  return createHash('sha256').update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body).digest('hex');
}

/**
 * Signs one request with AWS Signature Version 4 and returns the headers to send (the given ones
 * plus `host`, `x-amz-date`, `x-amz-content-sha256`, the session token and `authorization`).
 * S3 paths are signed as sent (S3 requires it); other services' paths are normalised and
 * double-encoded, as AWS specifies. Computed here on node:crypto, as @smithy/signature-v4
 * computes it (its tests compare both): loading that package cost 1.7 MiB of the CLI's peak RSS
 * for one HMAC chain (issue 11).
 */
export async function signAwsRequest(
  url: URL,
  req: { method: string; headers?: Record<string, string>; body?: string | Uint8Array },
  opts: SignOptions,
): Promise<Record<string, string>> {
  const now = opts.now ?? new Date();
  const longDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const shortDate = longDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...lowerKeys(req.headers ?? {}),
    host: url.host,
    'x-amz-content-sha256': sha256Hex(req.body ?? ''),
    'x-amz-date': longDate,
    ...(opts.credentials.sessionToken ? { 'x-amz-security-token': opts.credentials.sessionToken } : {}),
  };
  const signedNames = Object.keys(headers)
    .filter((name) => !UNSIGNABLE_HEADERS.has(name))
    .sort();
  const canonicalHeaders = signedNames.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}`).join('\n');
  const canonicalRequest = [
    req.method,
    opts.service === 's3' ? url.pathname : canonicalPath(url.pathname),
    canonicalQuery(url),
    `${canonicalHeaders}\n`,
    signedNames.join(';'),
    headers['x-amz-content-sha256'],
  ].join('\n');
  const scope = `${shortDate}/${opts.region}/${opts.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', longDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let key: Buffer = Buffer.from(`AWS4${opts.credentials.secretAccessKey}`, 'utf8');
  for (const part of [shortDate, opts.region, opts.service, 'aws4_request']) key = hmac(key, part);
  const signature = hmac(key, stringToSign).toString('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${opts.credentials.accessKeyId}/${scope}, SignedHeaders=${signedNames.join(';')}, Signature=${signature}`;
  return headers;
}

/** Headers a proxy may change, never signed (as @smithy/signature-v4 leaves them out). */
const UNSIGNABLE_HEADERS = new Set([
  'authorization', 'cache-control', 'connection', 'expect', 'from', 'keep-alive', 'max-forwards',
  'pragma', 'referer', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id',
]);

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** Non-S3 services: `.` and `..` resolved, empty segments dropped, then each character encoded again. */
function canonicalPath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const normalized = `${path.startsWith('/') ? '/' : ''}${segments.join('/')}${segments.length > 0 && path.endsWith('/') ? '/' : ''}`;
  return awsUriEncode(normalized).replace(/%2F/g, '/');
}

/** Query parameters sorted by name (then value), each name and value encoded. */
function canonicalQuery(url: URL): string {
  const pairs: Array<[string, string]> = [];
  url.searchParams.forEach((value, name) => {
    if (name.toLowerCase() !== 'x-amz-signature') pairs.push([awsUriEncode(name), awsUriEncode(value)]);
  });
  pairs.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** RFC 3986 encoding of one path segment or query value, as SigV4 expects on the wire. */
export function awsUriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
