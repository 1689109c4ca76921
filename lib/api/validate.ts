import { validateConfig, type ValidationOptions } from '../validation/run';
import type { GroupReport, ValidationReport } from '../report/types';
import { resolveDeployment } from '../k8s/managed-components';
import type { BundleFiles } from '../bundle/types';
import { bundleFromRequest, parseValidateParams, type ValidateParams } from './bundle-input';
import { configToolMode, toConfigToolErrors, type ConfigToolError } from './config-tool';
import { acquire, inWorkSlot } from './work-queue';

/** The pipeline's options for these query parameters and this bundle (the operator's defaults read its files). */
function pipelineOptions(params: ValidateParams, files: BundleFiles): ValidationOptions {
  const { deploymentRequest, ...rest } = params;
  return deploymentRequest ? { ...rest, deployment: resolveDeployment(deploymentRequest, files) } : rest;
}

/** `POST /api/v2/validate`: the §4 report for a JSON or tar.gz bundle. */
export async function validateRequest(request: Request): Promise<ValidationReport> {
  const params = parseValidateParams(request.url);
  return inWorkSlot(request.signal, async () => {
    const { bundle } = await bundleFromRequest(request);
    return validateConfig({ config: bundle.config, files: bundle.files, loadFindings: bundle.findings }, { ...pipelineOptions(params, bundle.files), signal: request.signal });
  });
}

/** `POST /api/v1/config/validate[?mode=]`: config-tool's `[{FieldGroup, Tags, Message}]` (`[]` = valid). */
export async function configToolValidateRequest(request: Request): Promise<ConfigToolError[]> {
  const mode = configToolMode(new URL(request.url).searchParams.get('mode'));
  return inWorkSlot(request.signal, async () => {
    const { bundle } = await bundleFromRequest(request);
    const report = await validateConfig({ config: bundle.config, files: bundle.files, loadFindings: bundle.findings }, { mode, signal: request.signal });
    return toConfigToolErrors(report);
  });
}

/**
 * `POST /api/v2/validate/stream`: NDJSON, one `{"event":"group",…}` line per group as it finishes,
 * then `{"event":"done",…}` with the whole report. Closing the connection cancels the probes.
 */
export async function validateStream(request: Request): Promise<Response> {
  const params = parseValidateParams(request.url);
  // The slot is held until the stream ends (done, or the client hung up).
  const release = await acquire(request.signal);
  let bundle;
  try {
    ({ bundle } = await bundleFromRequest(request));
  } catch (e) {
    release();
    throw e;
  }
  const encoder = new TextEncoder();
  const controller = new AbortController();
  request.signal.addEventListener('abort', () => controller.abort(), { once: true });
  const stream = new ReadableStream<Uint8Array>({
    async start(out) {
      const send = (event: object) => {
        try {
          out.enqueue(encoder.encode(JSON.stringify(event) + '\n'));
        } catch {
          controller.abort(); // the client went away
        }
      };
      send({ event: 'start', mode: params.mode });
      let report: ValidationReport;
      try {
        report = await validateConfig(
          { config: bundle.config, files: bundle.files, loadFindings: bundle.findings },
          { ...pipelineOptions(params, bundle.files), signal: controller.signal, onGroup: (g: GroupReport) => send({ event: 'group', ...g }) },
        );
      } finally {
        release();
      }
      send({ event: 'done', ...report });
      try {
        out.close();
      } catch {
        /* already closed by the client */
      }
    },
    cancel() {
      controller.abort();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}
