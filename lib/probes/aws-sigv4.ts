import { createHash, createHmac } from 'node:crypto';
import type { Checksum, SourceData } from '@smithy/types';

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

/** SHA-256 / HMAC-SHA-256 on node:crypto, in the shape @smithy/signature-v4 expects. */
class NodeSha256 implements Checksum {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;

  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }

  update(data: Uint8Array | string): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    this.hash = this.fresh();
  }

  private fresh() {
    if (this.secret === undefined) return createHash('sha256');
    const key = typeof this.secret === 'string' ? Buffer.from(this.secret, 'utf8') : Buffer.from(this.secret as Uint8Array);
    return createHmac('sha256', key);
  }
}

/** Hex SHA-256 of a request body (the `x-amz-content-sha256` value). */
export function sha256Hex(body: string | Uint8Array = ''): string {
  return createHash('sha256')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');
}

/**
 * Signs one request with AWS Signature Version 4 and returns the headers to send (the given ones
 * plus `host`, `x-amz-date`, `x-amz-content-sha256`, the session token and `authorization`).
 * S3 paths are signed as sent (`uriEscapePath: false`, as S3 requires); other services
 * double-encode them, as AWS specifies.
 */
export async function signAwsRequest(url: URL, req: { method: string; headers?: Record<string, string>; body?: string | Uint8Array }, opts: SignOptions): Promise<Record<string, string>> {
  // Loaded here, not at the top: an offline validation never needs the AWS signer.
  const { SignatureV4 } = await import('@smithy/signature-v4');
  const signer = new SignatureV4({
    credentials: opts.credentials,
    region: opts.region,
    service: opts.service,
    sha256: NodeSha256,
    uriEscapePath: opts.service !== 's3',
    applyChecksum: false,
  });
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    query[k] = v;
  });
  const headers: Record<string, string> = {
    ...lowerKeys(req.headers ?? {}),
    host: url.host,
    'x-amz-content-sha256': sha256Hex(req.body ?? ''),
  };
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: url.protocol,
      hostname: url.hostname,
      ...(url.port ? { port: Number(url.port) } : {}),
      path: url.pathname,
      query,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
    },
    opts.now ? { signingDate: opts.now } : {},
  );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(signed.headers)) if (typeof v === 'string') out[k] = v;
  return out;
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}

/** RFC 3986 encoding of one path segment or query value, as SigV4 expects on the wire. */
export function awsUriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
