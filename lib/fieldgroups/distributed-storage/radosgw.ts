import { error, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { joinStoragePath, probeObjectName } from '../../probes/probe-kit';
import { probeS3Storage } from '../../probes/s3';
import type { Probe } from '../define';
import { intParam, locationPath, param, paramFields, paramPath, truthyParam, type EngineSpec, type ParamSpec, type StorageLocation } from './engine';

/**
 * RadosGWStorage, RHOCSStorage (NooBaa/ODF) and IBMCloudStorage: S3-compatible endpoints reached
 * as Quay's runtime does (storage/cloud.py `_build_endpoint_url`): `is_secure` picks http or https
 * unless `hostname` carries its own scheme, `port` is appended unless `hostname` ends with one,
 * requests are path-style and signed for us-east-1, and uploads ask for no encryption.
 */

const RADOSGW_PARAMS: Readonly<Record<string, ParamSpec>> = {
  hostname: { kind: 'string', required: true },
  is_secure: { kind: 'boolean', required: true },
  storage_path: { kind: 'string', required: true, allowEmpty: true },
  access_key: { kind: 'string', required: true },
  secret_key: { kind: 'string', required: true },
  bucket_name: { kind: 'string', required: true },
  port: { kind: 'port' },
  maximum_chunk_size_mb: { kind: 'number' },
  server_side_assembly: { kind: 'boolean' },
  // Region and signature choice for multi-zone Ceph and SigV4-only endpoints (quay/quay#2928, 0b894199c).
  region_name: { kind: 'string', added: { change: 'quay/quay#2928 (PROJQUAY-7300)' } },
  signature_version: { kind: 'string', added: { change: 'quay/quay commit 0b894199c' } },
};

/** The endpoint URL Quay builds from hostname, port and is_secure. */
export function radosEndpoint(loc: StorageLocation): string {
  let host = param(loc, 'hostname') ?? '';
  if (!/^https?:\/\//i.test(host)) host = `${truthyParam(loc, 'is_secure', false) ? 'https' : 'http'}://${host}`;
  const port = validPort(intParam(loc, 'port'));
  const lastPart =
    host
      .split(':')
      .at(-1)
      ?.replace(/[\s/]+$/, '') ?? '';
  if (port && !/^\d+$/.test(lastPart)) host = `${host}:${port}`;
  return new URL(host).origin;
}

/** A port Quay could use; an invalid one is reported by the parameter checks, not here. */
function validPort(n: number | undefined): number | undefined {
  return n !== undefined && n >= 1 && n <= 65535 ? n : undefined;
}

function check(loc: StorageLocation): Finding[] {
  const host = param(loc, 'hostname');
  if (host !== undefined) {
    try {
      radosEndpoint(loc);
    } catch {
      return [error(paramFields(loc, 'hostname'), `${paramPath(loc.name, 'hostname')} is not a valid host name: "${host}"`, { code: 'invalid-hostname' })];
    }
  }
  const scheme = host?.match(/^(https?):\/\//i)?.[1]?.toLowerCase();
  if (!scheme || loc.params.is_secure === undefined) return [];
  const secure = truthyParam(loc, 'is_secure', false);
  if ((scheme === 'https') === secure) return [];
  return [
    warning(paramFields(loc, 'hostname', 'is_secure'), `${paramPath(loc.name, 'hostname')} starts with ${scheme}://, which overrides is_secure: ${String(secure)}`, {
      code: 'scheme-overrides-is-secure',
      hint: 'write the bare host name and let is_secure choose http or https',
    }),
  ];
}

function probe(loc: StorageLocation): Probe['run'] {
  return (ctx) =>
    probeS3Storage(
      {
        label: `storage location "${loc.name}"`,
        endpoint: radosEndpoint(loc),
        region: 'us-east-1',
        bucket: param(loc, 'bucket_name') ?? '',
        pathStyle: true,
        key: joinStoragePath(param(loc, 'storage_path') ?? '', probeObjectName()),
        credentials: { accessKeyId: param(loc, 'access_key') ?? '', secretAccessKey: param(loc, 'secret_key') ?? '' },
        fields: {
          location: locationPath(loc.name),
          endpoint: ['hostname', 'port', 'is_secure'].filter((k) => loc.params[k] !== undefined).map((k) => paramPath(loc.name, k)),
          bucket: [paramPath(loc.name, 'bucket_name')],
          credentials: [paramPath(loc.name, 'access_key'), paramPath(loc.name, 'secret_key')],
        },
      },
      ctx,
    );
}

export const radosGWStorage: EngineSpec = { name: 'RadosGWStorage', params: RADOSGW_PARAMS, check, probe };

/** NooBaa / OpenShift Data Foundation: the RadosGW driver under another name. */
export const rhocsStorage: EngineSpec = { name: 'RHOCSStorage', params: RADOSGW_PARAMS, check, probe };

/** IBM Cloud Object Storage: the same arguments, with a 100 MB default chunk size. */
export const ibmCloudStorage: EngineSpec = { name: 'IBMCloudStorage', params: RADOSGW_PARAMS, check, probe };
