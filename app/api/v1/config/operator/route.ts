import { handle } from '@/lib/api/http';
import { inWorkSlot } from '@/lib/api/work-queue';
import { reconfigureThroughOperator } from '@/lib/api/operator';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * config-tool compatible "Reconfigure Quay": the bundle minus the managed groups' keys goes to the
 * operator's /reconfigure; its status and body come back. 409 when no operator is configured.
 */
export const POST = handle((request: Request) => inWorkSlot(request.signal, () => reconfigureThroughOperator(request)));
