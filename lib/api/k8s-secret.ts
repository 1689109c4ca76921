import { z } from 'zod';
import { bundleFromRequest } from './bundle-input';
import { ApiError } from './http';
import { K8sSecretError, renderK8sSecret } from '../k8s/secret';

const query = z.object({
  name: z.string({ error: 'is required (the Secret name, e.g. quay-config-bundle)' }).max(253),
  namespace: z.string().max(63).optional(),
});

/**
 * `POST /api/v2/bundle/k8s-secret?name=N&namespace=NS`: a JSON (or tar.gz, or YAML) bundle in, the
 * Secret manifest for the operator's `configBundleSecret` out as `application/yaml`. A bad name is
 * a 400; a bundle that cannot be a Secret (a file name Kubernetes refuses, over 1 MiB) a 422.
 */
export async function k8sSecretResponse(request: Request): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError(400, `query parameter ${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`);
  }
  const { bundle } = await bundleFromRequest(request);
  let manifest: string;
  try {
    manifest = renderK8sSecret(bundle, parsed.data);
  } catch (e) {
    if (e instanceof K8sSecretError) throw new ApiError(e.kind === 'name' ? 400 : 422, e.message);
    throw e;
  }
  return new Response(manifest, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${parsed.data.name}.yaml"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
