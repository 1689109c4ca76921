import { createHmac } from 'node:crypto';
import { error } from '../report/findings';
import type { Finding } from '../report/types';
import type { ProbeContext } from './context';
import { probeHttp, type ProbeHttpResponse } from './http';
import { connectionFinding, probeObjectBody, trackStages, unexpectedStatus, type TrackedContext } from './probe-kit';

/** Blob service REST version sent with every request (Shared Key signs it). */
export const AZURE_API_VERSION = '2021-08-06';

const STANDARD_HEADERS = [
  'content-encoding',
  'content-language',
  'content-length',
  'content-md5',
  'content-type',
  'date',
  'if-modified-since',
  'if-match',
  'if-none-match',
  'if-unmodified-since',
  'range',
] as const;

/**
 * The Shared Key string-to-sign for the Blob service (version 2009-09-19 and later): verb, the
 * standard headers (Content-Length empty when 0), the `x-ms-*` headers sorted, then the
 * canonicalized resource `/<account><encoded path>` with each query parameter on its own line.
 */
export function azureStringToSign(method: string, url: URL, headers: Record<string, string>, account: string): string {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const standard = STANDARD_HEADERS.map((name) => {
    const v = h[name] ?? '';
    return name === 'content-length' && v === '0' ? '' : v;
  });
  const msHeaders = Object.keys(h)
    .filter((k) => k.startsWith('x-ms-'))
    .sort()
    .map((k) => `${k}:${(h[k] ?? '').replace(/\s+/g, ' ').trim()}\n`)
    .join('');
  return [method.toUpperCase(), ...standard].join('\n') + '\n' + msHeaders + azureCanonicalizedResource(url, account);
}

/** `/<account><path>` plus `\nname:value[,value…]` per query parameter, names lower-cased and sorted. */
export function azureCanonicalizedResource(url: URL, account: string): string {
  const params = new Map<string, string[]>();
  url.searchParams.forEach((value, name) => {
    const k = name.toLowerCase();
    params.set(k, [...(params.get(k) ?? []), value]);
  });
  const lines = [...params.keys()].sort().map((k) => `\n${k}:${(params.get(k) ?? []).sort().join(',')}`);
  return `/${account}${url.pathname}${lines.join('')}`;
}

/** The `Authorization: SharedKey <account>:<signature>` value (HMAC-SHA256 with the base64 account key). */
export function azureSharedKeyAuthorization(method: string, url: URL, headers: Record<string, string>, account: string, accountKey: string): string {
  const signature = createHmac('sha256', Buffer.from(accountKey, 'base64'))
    .update(azureStringToSign(method, url, headers, account), 'utf8')
    .digest('base64');
  return `SharedKey ${account}:${signature}`;
}

export interface AzureProbeTarget {
  label: string;
  /** `https://<account>.blob.core.windows.net` or the configured endpoint_url (without its query). */
  endpoint: string;
  account: string;
  container: string;
  /** Blob name of the probe object (storage_path already joined). */
  blob: string;
  /** Shared Key authorisation when set; else `sas` (a query string) authorises each request. */
  accountKey?: string;
  sas?: string;
  fields: { location: string[]; endpoint: string[]; container: string[]; credentials: string[] };
}

/** The blob's URL, with the SAS appended when that is how requests are authorised. */
export function azureBlobUrl(t: Pick<AzureProbeTarget, 'endpoint' | 'container' | 'blob' | 'sas' | 'accountKey'>): URL {
  const url = new URL(t.endpoint);
  const base = url.pathname.replace(/\/+$/, '');
  url.pathname = `${base}/${encodeURIComponent(t.container)}/${t.blob.split('/').map(encodeURIComponent).join('/')}`;
  url.search = !t.accountKey && t.sas ? `?${t.sas.replace(/^\?/, '')}` : '';
  return url;
}

/**
 * AzureStorage's live check: PUT a block blob under storage_path, GET it back and compare, DELETE
 * it. Nothing account-wide (no service properties, no CORS, which Quay's `setup()` would write).
 */
export async function probeAzureStorage(t: AzureProbeTarget, ctx: ProbeContext): Promise<Finding[]> {
  const tracked = trackStages(ctx);
  try {
    const body = probeObjectBody();
    const put = await send(t, 'PUT', tracked, body);
    if (put.status >= 300) return [classify(put, 'put', t)];
    const problems: Finding[] = [];
    const get = await send(t, 'GET', tracked);
    if (get.status >= 300) problems.push(classify(get, 'get', t));
    else if (get.body !== body) {
      problems.push(error(t.fields.location, `${t.label}: blob ${t.blob} read back differs from what was written`, { code: 'read-mismatch', stage: 'semantic' }));
    }
    const del = await send(t, 'DELETE', tracked);
    if (del.status >= 300 && del.status !== 404) problems.push(classify(del, 'delete', t));
    return problems;
  } catch (e) {
    return [connectionFinding(e, t.fields.endpoint, `${t.label} (${new URL(t.endpoint).origin})`, tracked)];
  }
}

async function send(t: AzureProbeTarget, method: string, tracked: TrackedContext, body?: string): Promise<ProbeHttpResponse> {
  const url = azureBlobUrl(t);
  const headers: Record<string, string> = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': AZURE_API_VERSION };
  if (body !== undefined) {
    headers['x-ms-blob-type'] = 'BlockBlob';
    headers['content-type'] = 'text/plain';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  if (t.accountKey) headers.authorization = azureSharedKeyAuthorization(method, url, headers, t.account, t.accountKey);
  return probeHttp(url.href, { method, headers, ...(body !== undefined ? { body } : {}) }, tracked.ctx);
}

function classify(res: ProbeHttpResponse, op: 'put' | 'get' | 'delete', t: AzureProbeTarget): Finding {
  const header = res.headers['x-ms-error-code'];
  const code = (typeof header === 'string' ? header : undefined) ?? res.body.match(/<Code>([^<]+)<\/Code>/)?.[1] ?? '';
  const detail = code ? ` (${code})` : ` (HTTP ${res.status})`;
  // A Shared Key request has no permissions to lack, so a 403 saying the request could not be
  // authenticated is the key; Azurite answers a bad signature so, with code AuthorizationFailure.
  const keyRejected = t.accountKey !== undefined && res.status === 403 && /<Message>\s*Server failed to authenticate the request/i.test(res.body);
  if (code === 'AuthenticationFailed' || code === 'InvalidAuthenticationInfo' || code === 'NoAuthenticationInformation' || keyRejected || res.status === 401) {
    return error(t.fields.credentials, `${t.label}: Azure rejected the ${t.accountKey ? 'account key' : 'SAS token'}${detail}`, {
      code: 'auth-failed',
      stage: 'auth',
      hint: t.accountKey ? 'check azure_account_name and azure_account_key' : 'check that the SAS is valid and not expired',
    });
  }
  if (code === 'ContainerNotFound') {
    return error(t.fields.container, `${t.label}: container "${t.container}" does not exist in account ${t.account}${detail}`, {
      code: 'container-missing',
      stage: 'semantic',
      hint: 'create the container first (Quay does not create it)',
    });
  }
  if (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationFailure' || code === 'AuthorizationResourceTypeMismatch' || res.status === 403) {
    const what = { put: 'write blobs', get: 'read blobs', delete: 'delete blobs' }[op];
    return error(t.fields.credentials, `${t.label}: the credentials may not ${what} in container "${t.container}"${detail}`, {
      code: `${op === 'put' ? 'write' : op === 'get' ? 'read' : 'delete'}-denied`,
      stage: 'semantic',
      hint: 'the SAS or role needs read, write (create) and delete permissions on the container',
    });
  }
  return unexpectedStatus(t.fields.location, `${t.label}: ${op.toUpperCase()} ${t.blob}`, res.status, code || res.body);
}
