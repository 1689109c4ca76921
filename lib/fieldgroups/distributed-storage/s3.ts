import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import type { AwsCredentials } from '../../probes/aws-sigv4';
import type { ProbeContext } from '../../probes/context';
import { joinStoragePath, probeObjectName } from '../../probes/probe-kit';
import { probeS3Storage } from '../../probes/s3';
import type { Probe } from '../define';
import { locationPath, paramPath, type EngineSpec, type ParamSpec, type StorageLocation } from './engine';

/**
 * S3Storage (storage/cloud.py) and the helpers its subclasses share (CloudFront, CloudFlare,
 * Akamai, MultiCDN, STS). Endpoint rules follow the runtime, not config-tool: `endpoint_url` as
 * given; else `host` (+`port`) always over HTTPS (`_build_endpoint_url(host, port, is_secure=True)`,
 * quay/quay#5943); else AWS. Every upload asks for server-side encryption (AES256).
 */

/** S3Storage's keyword arguments; the CDN drivers pass theirs through `**kwargs`. */
export const S3_PARAMS: Readonly<Record<string, ParamSpec>> = {
  storage_path: { kind: 'string', required: true, allowEmpty: true },
  s3_bucket: { kind: 'string', required: true },
  s3_access_key: { kind: 'string' },
  s3_secret_key: { kind: 'string' },
  s3_region: { kind: 'string' },
  host: { kind: 'string' },
  port: { kind: 'port' },
  endpoint_url: { kind: 'string' },
  maximum_chunk_size_gb: { kind: 'number' },
  minimum_chunk_size_mb: { kind: 'number' },
  server_side_assembly: { kind: 'boolean' },
};

/** Reads parameters of an S3-style config: a location's own, or MultiCDN's nested `storage_config`. */
export interface S3Params {
  get(key: string): unknown;
  /** Config key path of a parameter. */
  path(key: string): string;
  /** `DISTRIBUTED_STORAGE_CONFIG.<location>`. */
  location: string;
  label: string;
}

/** The S3 view of a location's own parameters. */
export function ownS3Params(loc: StorageLocation): S3Params {
  return {
    get: (k) => loc.params[k],
    path: (k) => paramPath(loc.name, k),
    location: locationPath(loc.name),
    label: `storage location "${loc.name}"`,
  };
}

const str = (p: S3Params, k: string): string | undefined => {
  const v = p.get(k);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** Offline checks of the S3 connection parameters (host without scheme, both keys or neither, URL). */
export function checkS3Connection(p: S3Params): Finding[] {
  const findings: Finding[] = [];
  const fields = (...keys: string[]) => [...keys.map((k) => p.path(k)), p.location];
  const host = str(p, 'host');
  if (host && /^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    // The legacy validator refused it ("host name must not start with http:// or https://"):
    // `host` is a bare host name; a scheme belongs in endpoint_url.
    findings.push(
      error(fields('host'), `${p.path('host')} must be a host name without a scheme, got "${host}"`, {
        code: 'host-has-scheme',
        hint: `write host: ${host.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/.*$/, '')}, or use endpoint_url for a full URL`,
      }),
    );
  }
  const endpointUrl = str(p, 'endpoint_url');
  if (endpointUrl && !/^https?:\/\/[^/\s]+/i.test(endpointUrl)) {
    findings.push(error(fields('endpoint_url'), `${p.path('endpoint_url')} must be an http:// or https:// URL, got "${endpointUrl}"`, { code: 'invalid-url' }));
  }
  if (endpointUrl && host) {
    findings.push(warning(fields('host', 'endpoint_url'), `${p.path('host')} is ignored: Quay uses ${p.path('endpoint_url')} when both are set`, { code: 'ignored-parameter' }));
  }
  if (str(p, 's3_region') && (host || endpointUrl)) {
    // Quay 3.10+ builds `https://s3.<region>.amazonaws.com` from s3_region before looking at host.
    const other = endpointUrl ? 'endpoint_url' : 'host';
    findings.push(
      warning(fields('s3_region', other), `${p.path('s3_region')} is set together with ${p.path(other)}: some Quay versions then send requests to s3.<region>.amazonaws.com and ignore ${other}`, {
        code: 'region-overrides-endpoint',
        hint: 'for a non-AWS endpoint leave s3_region out (or use RadosGWStorage)',
      }),
    );
  }
  const hasKey = str(p, 's3_access_key') !== undefined;
  const hasSecret = str(p, 's3_secret_key') !== undefined;
  if (hasKey !== hasSecret) {
    const missing = hasKey ? 's3_secret_key' : 's3_access_key';
    findings.push(
      error(fields(missing), `${p.path(missing)} is missing: set both s3_access_key and s3_secret_key, or neither (instance role)`, {
        code: 'partial-credentials',
      }),
    );
  }
  return findings;
}

/** Where boto3 would send requests for these parameters, and how. */
export interface S3Endpoint {
  endpoint: string;
  region: string;
  pathStyle: boolean;
  /** Parameters that chose the endpoint (for findings about reaching it). */
  keys: string[];
}

const CN_REGIONS = new Set(['cn-north-1', 'cn-northwest-1']);

/** The endpoint Quay's S3Storage uses (storage/cloud.py `S3Storage.__init__`). */
export function resolveS3Endpoint(p: S3Params, defaultEndpoint: string): S3Endpoint {
  const region = str(p, 's3_region');
  const bucket = str(p, 's3_bucket') ?? '';
  const endpointUrl = str(p, 'endpoint_url');
  const host = str(p, 'host');
  if (endpointUrl) return { endpoint: new URL(endpointUrl).origin, region: region ?? 'us-east-1', pathStyle: true, keys: ['endpoint_url'] };
  if (host) {
    const port = p.get('port');
    const withPort = port !== undefined && port !== null && port !== '' && !/:\d+\/?$/.test(host) ? `${host}:${String(port)}` : host;
    return { endpoint: `https://${withPort}`, region: region ?? 'us-east-1', pathStyle: true, keys: ['host', ...(port !== undefined ? ['port'] : [])] };
  }
  const endpoint = region ? `https://s3.${region}.amazonaws.com${CN_REGIONS.has(region) ? '.cn' : ''}` : new URL(defaultEndpoint).origin;
  const aws = /(^|\.)amazonaws\.com(\.cn)?$/.test(new URL(endpoint).hostname);
  // boto3 addresses AWS virtual-hosted unless the bucket name cannot be a DNS label (dots break TLS).
  const pathStyle = !aws || !/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket);
  return { endpoint, region: region ?? 'us-east-1', pathStyle, keys: region ? ['s3_region'] : [] };
}

/** Static keys when both are set; undefined means the instance/pod role. */
export function s3Credentials(p: S3Params, accessKey = 's3_access_key', secretKey = 's3_secret_key'): AwsCredentials | undefined {
  const a = str(p, accessKey);
  const s = str(p, secretKey);
  return a && s ? { accessKeyId: a, secretAccessKey: s } : undefined;
}

/** The live check of an S3Storage-style location: write, read back and delete a probe object. */
export function s3ProbeRun(
  p: S3Params,
  opts: {
    /** Where the credentials come from when not s3_access_key/s3_secret_key (STS); findings end the probe. */
    credentials?: (ctx: ProbeContext) => Promise<AwsCredentials | Finding[] | undefined>;
    credentialKeys?: string[];
  } = {},
): Probe['run'] {
  return async (ctx) => {
    let ep: S3Endpoint;
    try {
      ep = resolveS3Endpoint(p, ctx.endpoints.s3);
    } catch {
      return [error(p.location, `${p.label}: the storage endpoint is not a valid URL`, { code: 'invalid-url' })];
    }
    const got = opts.credentials ? await opts.credentials(ctx) : s3Credentials(p);
    if (Array.isArray(got)) return got;
    return probeS3Storage(
      {
        label: p.label,
        endpoint: ep.endpoint,
        region: ep.region,
        bucket: str(p, 's3_bucket') ?? '',
        pathStyle: ep.pathStyle,
        key: joinStoragePath(str(p, 'storage_path') ?? '', probeObjectName()),
        ...(got ? { credentials: got } : {}),
        serverSideEncryption: true,
        fields: {
          location: p.location,
          endpoint: ep.keys.map((k) => p.path(k)),
          bucket: [p.path('s3_bucket')],
          credentials: (opts.credentialKeys ?? ['s3_access_key', 's3_secret_key']).map((k) => p.path(k)),
        },
      },
      ctx,
    );
  };
}

export const s3Storage: EngineSpec = {
  name: 'S3Storage',
  params: S3_PARAMS,
  check: (loc) => checkS3Connection(ownS3Params(loc)),
  probe: (loc) => s3ProbeRun(ownS3Params(loc)),
};
