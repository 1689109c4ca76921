import { bundleToJson } from '../bundle/json';
import { readBundleFromDirectory } from '../bundle/read';
import type { Bundle } from '../bundle/types';
import { writeBundleArchive } from '../bundle/write';
import { DEFAULT_RELEASE, QUAY_RELEASES } from '../schema/releases';
import { getServerState } from '../server/state';
import { bundleFromRequest } from './bundle-input';
import type { ParsedBundle, ServerConfigResponse } from './contract';
import { ApiError } from './http';
import { inWorkSlot } from './work-queue';

/** A bundle as the wizard holds it: config, files (base64), the original YAML text and what reading found. */
export function toParsedBundle(bundle: Bundle): ParsedBundle {
  const json = bundleToJson(bundle);
  const parsed: ParsedBundle = { ...json, findings: bundle.findings };
  if (bundle.configText !== null) parsed.originalConfigYaml = bundle.configText;
  return parsed;
}

/** `POST /api/v2/bundle/parse`: an uploaded `quay-config.tar.gz` (or YAML) read with every safety limit. */
export async function parseUploadedBundle(request: Request): Promise<ParsedBundle> {
  return inWorkSlot(request.signal, async () => toParsedBundle((await bundleFromRequest(request)).bundle));
}

/** `quay-config.tar.gz` for a JSON bundle; the YAML keeps the administrator's comments and order. */
export async function bundleArchiveResponse(request: Request): Promise<Response> {
  const archive = await inWorkSlot(request.signal, async () => writeBundleArchive((await bundleFromRequest(request)).bundle));
  return new Response(new Uint8Array(archive), {
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': 'attachment; filename="quay-config.tar.gz"',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The bundle from `--config-dir`, read once (null when none was given or it has no config.yaml). */
export async function preloadedBundle(): Promise<Bundle | null> {
  const state = getServerState();
  if (!state?.configDir) return null;
  if (state.preloaded === undefined) {
    try {
      state.preloaded = await readBundleFromDirectory(state.configDir);
    } catch (e) {
      // An unreadable preloaded bundle is reported on every request, not cached as "none".
      throw new ApiError(422, `the bundle in ${state.configDir} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return state.preloaded;
}

/** `GET /api/v2/config`: the preloaded bundle and the server's settings for the wizard. */
export async function serverConfig(): Promise<ServerConfigResponse> {
  const state = getServerState();
  const bundle = await preloadedBundle();
  return {
    bundle: bundle ? toParsedBundle(bundle) : null,
    readonlyGroups: state?.readonlyGroups ?? [],
    operatorEndpoint: Boolean(state?.operatorEndpoint),
    quayReleases: [...QUAY_RELEASES],
    defaultQuayVersion: DEFAULT_RELEASE,
  };
}
