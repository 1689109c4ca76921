import { handle } from '@/lib/api/http';
import { k8sSecretResponse } from '@/lib/k8s/secret-request';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The bundle as a Kubernetes Secret manifest for the Quay operator's configBundleSecret (YAML). */
export const POST = handle(k8sSecretResponse);
