import { isObject } from '../config/values';
import { error } from '../report/findings';
import type { Finding } from '../report/types';
import { signAwsRequest, type AwsCredentials } from './aws-sigv4';
import type { ProbeContext } from './context';
import { basicAuth, probeHttp, serviceWords, type ProbeHttpResponse } from './http';
import { connectionFinding, trackStages, unexpectedStatus, type TrackedContext } from './probe-kit';

/** How Quay reaches the action-log cluster (data/logs_model/elastic_logs.py `_initialize`). */
export interface ElasticsearchTarget {
  host: string;
  port: number;
  /** `use_ssl` (Quay's default: true). config-tool always used https (quay/quay#6477). */
  useSsl: boolean;
  /** Basic auth with access_key/secret_key, AWS SigV4 (service `es`) when a region is set too, or none. */
  auth: { kind: 'basic'; user: string; password: string } | { kind: 'sigv4'; region: string; credentials: AwsCredentials } | { kind: 'none' };
  indexPrefix: string;
  fields: { location: string[]; endpoint: string[]; credentials: string[]; indexPrefix: string[] };
}

/**
 * Checks the cluster as Quay's runtime uses it, with a deadline (config-tool had none and crashed on
 * an unreachable host): `GET /` (cluster info: reachable, authenticated, really Elasticsearch or
 * OpenSearch), `GET /<prefix>*` (the indices Quay lists and rotates) and
 * `GET /_template/<prefix>` (what Quay reads at start-up). Read-only; creates nothing.
 */
export async function probeElasticsearch(t: ElasticsearchTarget, ctx: ProbeContext): Promise<Finding[]> {
  const tracked = trackStages(ctx);
  const origin = `${t.useSsl ? 'https' : 'http'}://${t.host.includes(':') ? `[${t.host}]` : t.host}:${t.port}`;
  const label = `Elasticsearch ${origin}`;
  try {
    const info = await get(t, origin, '/', tracked);
    if (info.status === 401 || info.status === 403) return [authFailed(t, label, info)];
    if (info.status !== 200) return [unexpectedStatus(t.fields.endpoint, `${label}: GET /`, info.status, errorReason(info))];
    const version = isObject(info.json) && isObject(info.json.version) ? info.json.version.number : undefined;
    if (typeof version !== 'string') {
      return [
        error(t.fields.endpoint, `${label} answered GET / but not as Elasticsearch or OpenSearch (no version in the cluster info)`, {
          code: 'not-elasticsearch',
          stage: 'semantic',
          hint: 'is this the right host and port?',
        }),
      ];
    }
    const pattern = `/${encodeURIComponent(t.indexPrefix)}*`;
    const indices = await get(t, origin, pattern, tracked);
    if (indices.status === 401) return [authFailed(t, label, indices)];
    if (indices.status === 403) return [denied(t, label, `read the indices ${t.indexPrefix}*`, indices)];
    if (indices.status !== 200 && indices.status !== 404) return [unexpectedStatus(t.fields.indexPrefix, `${label}: GET ${pattern}`, indices.status, errorReason(indices))];
    const template = await get(t, origin, `/_template/${encodeURIComponent(t.indexPrefix)}`, tracked);
    if (template.status === 403) return [denied(t, label, `read the index template ${t.indexPrefix}`, template)];
    return [];
  } catch (e) {
    return [connectionFinding(e, t.fields.endpoint, label, tracked)];
  }
}

async function get(t: ElasticsearchTarget, origin: string, path: string, tracked: TrackedContext): Promise<ProbeHttpResponse> {
  const url = new URL(path, origin);
  let headers: Record<string, string> = { accept: 'application/json' };
  if (t.auth.kind === 'basic') headers.authorization = basicAuth(t.auth.user, t.auth.password);
  if (t.auth.kind === 'sigv4') headers = await signAwsRequest(url, { method: 'GET', headers }, { service: 'es', region: t.auth.region, credentials: t.auth.credentials });
  return probeHttp(url.href, { method: 'GET', headers }, tracked.ctx);
}

function authFailed(t: ElasticsearchTarget, label: string, res: ProbeHttpResponse): Finding {
  const how = t.auth.kind === 'basic' ? 'user (access_key) and password (secret_key)' : t.auth.kind === 'sigv4' ? 'AWS signature (access_key, secret_key, aws_region)' : 'request without credentials';
  return error(t.fields.credentials, `${label}: the cluster rejected the ${how} (HTTP ${res.status}${errorReason(res) ? `: ${errorReason(res)}` : ''})`, {
    code: 'auth-failed',
    stage: 'auth',
    hint: t.auth.kind === 'none' ? 'set access_key and secret_key' : 'check access_key, secret_key and, for Amazon OpenSearch, aws_region',
  });
}

function denied(t: ElasticsearchTarget, label: string, what: string, res: ProbeHttpResponse): Finding {
  return error(t.fields.indexPrefix, `${label}: the credentials may not ${what} (HTTP ${res.status})`, {
    code: 'index-denied',
    stage: 'semantic',
    hint: `grant the user read, write and index-template privileges on ${t.indexPrefix}*`,
  });
}

/** Elasticsearch's own reason (`{"error":{"type","reason"}}`), for messages. */
function errorReason(res: ProbeHttpResponse): string {
  const err = isObject(res.json) ? res.json.error : undefined;
  if (isObject(err)) return serviceWords([err.type, err.reason].filter((x) => typeof x === 'string').join(': '));
  if (typeof err === 'string') return serviceWords(err);
  return '';
}
