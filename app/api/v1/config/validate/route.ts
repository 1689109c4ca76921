import { bundleFromRequest } from '@/lib/api/bundle-input';
import { configToolMode, toConfigToolErrors } from '@/lib/api/config-tool';
import { handle, json } from '@/lib/api/http';
import { validateConfig } from '@/lib/validation/run';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** config-tool compatible: a ConfigBundle in, `[{FieldGroup, Tags, Message}]` out (`[]` = valid). */
export const POST = handle(async (request: Request) => {
  const mode = configToolMode(new URL(request.url).searchParams.get('mode'));
  const { bundle } = await bundleFromRequest(request);
  const report = await validateConfig({ config: bundle.config, files: bundle.files, loadFindings: bundle.findings }, { mode, signal: request.signal });
  return json(toConfigToolErrors(report));
});
