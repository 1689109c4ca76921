import { parseComponentList, type DeploymentRequest } from '../k8s/managed-components';
import { parseRelease, QUAY_RELEASES, type QuayRelease } from '../schema/releases';
import { z } from 'zod';
import { loadConfigYaml } from '../config/load';
import { tooManyValues } from '../config/value-budget';
import { MAX_UPLOAD_BYTES } from '../bundle/limits';
import { bundleFromJson, readBundleFromBytes } from '../bundle/read';
import type { Bundle } from '../bundle/types';
import { isFieldGroupId, type FieldGroupId, type ValidationMode } from '../report/types';
import { parseJsonBody, readBody, requireMediaType } from './body';
import { ApiError } from './http';

/**
 * Reads the bundle a client sent: the config-tool JSON shape `{"config.yaml": {...}, "certs":
 * {name: base64}}` (optionally with `originalConfigYaml`, the text the config was loaded from, so a
 * download keeps its comments and order), a raw `.tar.gz`/`.tar` body, or a raw YAML body.
 */
export async function bundleFromRequest(request: Request): Promise<{ bundle: Bundle; json: Record<string, unknown> | null }> {
  const type = requireMediaType(request, BUNDLE_MEDIA_TYPES);
  if (type === 'application/json') {
    const body = parseJsonBody(await readBody(request));
    const bundle = bundleFromJson(body);
    const json = body as Record<string, unknown>;
    attachOriginalYaml(bundle, json.originalConfigYaml);
    return { bundle, json };
  }
  // An archive or YAML type: read by content (tar.gz, tar or a lone config.yaml), whichever of them it declared.
  const bytes = await readBody(request, MAX_UPLOAD_BYTES);
  if (bytes.length === 0) throw new ApiError(400, 'request body is empty: send a JSON bundle or a quay-config.tar.gz');
  return { bundle: await readBundleFromBytes(bytes, 'request body'), json: null };
}

/** A JSON bundle, or a raw bundle: gzip, tar, YAML, or bytes of no particular type. */
export const BUNDLE_MEDIA_TYPES = [
  'application/json',
  'application/gzip',
  'application/x-gzip',
  'application/x-tar',
  'application/x-gtar',
  'application/tar',
  'application/octet-stream',
  'application/yaml',
  'application/x-yaml',
  'text/yaml',
  'text/x-yaml',
] as const satisfies readonly string[];

/** Keeps the administrator's YAML (comments, order) for rendering an edited config. */
function attachOriginalYaml(bundle: Bundle, original: unknown): void {
  if (original === undefined || original === null) return;
  if (typeof original !== 'string') throw new ApiError(400, '"originalConfigYaml" must be a string');
  const tooBig = tooManyValues(original, 'originalConfigYaml');
  if (tooBig) throw new ApiError(413, tooBig);
  const loaded = loadConfigYaml(original, 'originalConfigYaml');
  if (!loaded.ok) throw new ApiError(400, loaded.error);
  bundle.configText = original;
  bundle.doc = loaded.doc;
}

const validateQuery = z.object({
  mode: z.enum(['online', 'offline']).default('online'),
  groups: z.string().optional(),
  timeoutMs: z.coerce.number().int().min(100).max(60_000).optional(),
  quayVersion: z.string().optional(),
  managed: z.string().optional(),
  operator: z.enum(['true', 'false']).optional(),
});

export interface ValidateParams {
  mode: ValidationMode;
  groups?: FieldGroupId[];
  timeoutMs?: number;
  quayVersion?: QuayRelease;
  /** Resolved against the bundle's files by `resolveDeployment`. */
  deploymentRequest?: DeploymentRequest;
}

/** `?mode=online|offline&groups=Database,Redis&timeoutMs=3000`, checked at the boundary. */
export function parseValidateParams(url: string): ValidateParams {
  const params = Object.fromEntries(new URL(url).searchParams);
  const parsed = validateQuery.safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, `invalid query parameter ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  const { mode, groups, timeoutMs, quayVersion, managed, operator } = parsed.data;
  const out: ValidateParams = { mode };
  if (timeoutMs !== undefined) out.timeoutMs = timeoutMs;
  if (quayVersion !== undefined) {
    const release = parseRelease(quayVersion);
    if (!release) throw new ApiError(400, `unknown Quay release "${quayVersion.slice(0, 40)}": quayVersion takes one of ${QUAY_RELEASES.join(', ')}`);
    out.quayVersion = release;
  }
  if (operator === 'true' && managed !== undefined) throw new ApiError(400, 'give operator=true (all components managed) or managed=LIST, not both');
  if (operator === 'true') out.deploymentRequest = 'operator';
  if (managed !== undefined) {
    const kinds = parseComponentList(managed);
    if (!kinds.ok) throw new ApiError(400, `invalid query parameter managed: ${kinds.error}`);
    out.deploymentRequest = kinds.kinds;
  }
  if (groups !== undefined) {
    const names = groups
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = names.filter((n) => !isFieldGroupId(n));
    if (bad.length) throw new ApiError(400, `unknown field group(s): ${bad.join(', ')}`);
    out.groups = names as FieldGroupId[];
  }
  return out;
}
