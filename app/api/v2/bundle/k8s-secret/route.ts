import { handle } from '@/lib/api/http';
import { inWorkSlot } from '@/lib/api/work-queue';
import { k8sSecretResponse } from '@/lib/api/k8s-secret';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The bundle as a Kubernetes Secret manifest for the Quay operator's configBundleSecret (YAML). */
export const POST = handle((request: Request) => inWorkSlot(request.signal, () => k8sSecretResponse(request)));
