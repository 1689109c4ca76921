import { bundleToJson } from '../bundle/json';
import { bundleFromJson } from '../bundle/read';
import type { ConfigMap } from '../config/values';
import { isObject } from '../config/values';
import { fieldGroup } from '../fieldgroups';
import { GROUPS_KEPT_WHEN_MANAGED } from '../k8s/managed-components';
import { missingPodEnv, operatorEndpointProblem, registryNameFromPod } from '../k8s/operator-env';
import { getServerState } from '../server/state';
import { isFieldGroupId, type FieldGroupId } from '../report/types';
import { readJsonBody } from './body';
import { ApiError } from './http';

export { missingPodEnv, operatorEndpointProblem, registryNameFromPod };

/**
 * `POST /api/v1/config/operator` (quay-config-tool.md §2, §2.2): the config bundle, minus the keys
 * of the field groups the operator manages, sent to the Quay operator's `/reconfigure`. Unlike
 * config-tool it accepts only an array for `managedFieldGroups` (its UI sent a JS Set, i.e. `{}`),
 * gives the operator a deadline, and answers a clear 409 where config-tool panicked at start.
 */

/** How long the operator gets to answer, connection included (config-tool's client had no timeout). */
export const OPERATOR_TIMEOUT_MS = 10_000;

/** Largest operator answer passed through; it is read into memory. */
export const MAX_OPERATOR_RESPONSE_BYTES = 1024 * 1024;

/** `managedFieldGroups`: absent or null means none; otherwise an array of field group names. */
export function parseManagedFieldGroups(value: unknown): FieldGroupId[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    const got = isObject(value) ? 'an object' : `a ${typeof value}`;
    const why = isObject(value) && Object.keys(value).length === 0 ? " ({} is what JSON makes of a JavaScript Set, as config-tool's UI sent it)" : '';
    throw new ApiError(400, `"managedFieldGroups" must be an array of field group names, not ${got}${why}`);
  }
  const bad = value.filter((v) => typeof v !== 'string' || !isFieldGroupId(v));
  if (bad.length) throw new ApiError(400, `"managedFieldGroups" has unknown field group(s): ${bad.map((v) => JSON.stringify(v)).join(', ')}`);
  return value as FieldGroupId[];
}

/** The config without the keys owned by managed groups (HostSettings excepted); the input is not changed. */
export function stripManagedKeys(config: ConfigMap, managed: readonly FieldGroupId[]): { config: ConfigMap; removed: string[] } {
  const groups = [...new Set(managed)].filter((id) => !GROUPS_KEPT_WHEN_MANAGED.has(id)).map(fieldGroup);
  const owned = (key: string) => groups.some((g) => g.keys.includes(key) || (g.keyPattern?.test(key) ?? false));
  const kept: ConfigMap = {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (owned(key)) removed.push(key);
    else kept[key] = value;
  }
  return { config: kept, removed };
}

/** Where the operator is and which registry this editor belongs to; 409 when the server was not set up for it. */
export interface OperatorTarget {
  /** `<endpoint>/reconfigure`, without credentials (fetch refuses URLs that carry them). */
  url: URL;
  /** `Authorization: Basic …` for credentials given in the endpoint URL, as Go's client sent them. */
  authorization: string | null;
  /** The endpoint without credentials, for messages. */
  shown: string;
  quayRegistryName: string;
  namespace: string;
}

export function operatorTarget(endpoint: string | null | undefined, env: NodeJS.ProcessEnv): OperatorTarget {
  if (!endpoint) {
    throw new ApiError(409, 'no operator endpoint is configured: start the server with --operator-endpoint URL to reconfigure Quay through its operator');
  }
  const problem = operatorEndpointProblem(endpoint);
  if (problem) throw new ApiError(409, `the configured operator endpoint ${problem}`);
  const missing = missingPodEnv(env);
  if (missing.length) {
    throw new ApiError(
      409,
      `the operator endpoint is set but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not: they name the QuayRegistry and its namespace (set them from the pod's metadata.name and metadata.namespace)`,
    );
  }
  const base = new URL(endpoint);
  const authorization = base.username || base.password ? `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}` : null;
  base.username = '';
  base.password = '';
  const url = new URL('reconfigure', base.href.endsWith('/') ? base : `${base.href}/`);
  return {
    url,
    authorization,
    shown: base.href.replace(/\/$/, ''),
    quayRegistryName: registryNameFromPod((env.MY_POD_NAME ?? '').trim()),
    namespace: (env.MY_POD_NAMESPACE ?? '').trim(),
  };
}

export interface ReconfigureOptions {
  /** Defaults to the server's `--operator-endpoint`. */
  endpoint?: string | null;
  /** Defaults to the process environment (MY_POD_NAME, MY_POD_NAMESPACE). */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Defaults to the server's `--readonly-groups`. */
  readonlyGroups?: readonly FieldGroupId[];
}

/**
 * Handles the request: reads the bundle, strips the managed keys, POSTs
 * `{"quayRegistryName", "namespace", "config.yaml", "certs"}` to `<endpoint>/reconfigure` and
 * passes the operator's status, body and content type through. 502 when the operator cannot be
 * reached, 504 when it does not answer in time; both name the endpoint.
 */
export async function reconfigureThroughOperator(request: Request, options: ReconfigureOptions = {}): Promise<Response> {
  const target = operatorTarget(options.endpoint !== undefined ? options.endpoint : getServerState()?.operatorEndpoint, options.env ?? process.env);
  const body = await readJsonBody(request);
  const bundle = bundleFromJson(body);
  // The server's --readonly-groups are managed whatever the client says: the UI greys them out,
  // but a request built by hand must not hand the operator keys it manages itself.
  const readonly = options.readonlyGroups ?? getServerState()?.readonlyGroups ?? [];
  const managed = [...parseManagedFieldGroups(isObject(body) ? body.managedFieldGroups : undefined), ...readonly];
  const { config } = stripManagedKeys(bundle.config, managed);
  const payload = JSON.stringify({
    quayRegistryName: target.quayRegistryName,
    namespace: target.namespace,
    'config.yaml': config,
    certs: bundleToJson(bundle).certs,
  });

  const timeoutMs = options.timeoutMs ?? OPERATOR_TIMEOUT_MS;
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), request.signal]);
  try {
    const answer = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(target.authorization ? { authorization: target.authorization } : {}) },
      body: payload,
      redirect: 'manual',
      signal,
    });
    return await passThrough(answer, target);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) {
      throw new ApiError(504, `the operator at ${target.shown} did not answer within ${timeoutMs / 1000} s`);
    }
    throw new ApiError(502, `cannot reach the operator at ${target.shown}: ${fetchFailure(e)}`);
  }
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

async function passThrough(answer: Response, target: OperatorTarget): Promise<Response> {
  const bytes = await readLimited(answer, target);
  const headers = {
    'content-type': answer.headers.get('content-type') ?? 'application/octet-stream',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  return new Response(NULL_BODY_STATUSES.has(answer.status) ? null : new Uint8Array(bytes), { status: answer.status, headers });
}

async function readLimited(answer: Response, target: OperatorTarget): Promise<Buffer> {
  if (!answer.body) return Buffer.alloc(0);
  const reader = answer.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > MAX_OPERATOR_RESPONSE_BYTES) {
      await reader.cancel().catch(() => {});
      throw new ApiError(502, `the operator at ${target.shown} answered more than ${MAX_OPERATOR_RESPONSE_BYTES} bytes`);
    }
    chunks.push(value);
  }
}

/** undici's "fetch failed" hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function fetchFailure(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  if (cause instanceof Error) {
    const code = 'code' in cause && typeof cause.code === 'string' ? cause.code : undefined;
    return code && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}
