import { bundleToJson } from '@/lib/bundle/json';
import { preloadedBundle } from '@/lib/api/bundles';
import { CONFIG_TOOL_SETUP_DEFAULTS } from '@/lib/api/config-tool';
import { handle, json } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * config-tool compatible: 200 with the mounted bundle `{"config.yaml", "certs"}`, or 202 with the
 * setup defaults when none is mounted. Unlike config-tool it answers application/json and does not
 * inject defaults into a mounted config (a download would otherwise change the administrator's file).
 */
export const GET = handle(async () => {
  const bundle = await preloadedBundle();
  if (!bundle) return json({ 'config.yaml': CONFIG_TOOL_SETUP_DEFAULTS, certs: {} }, 202);
  return json(bundleToJson(bundle));
});
