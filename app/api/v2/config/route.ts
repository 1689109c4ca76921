import { serverConfig } from '@/lib/api/bundles';
import { handle, json } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The bundle preloaded with --config-dir (or null) and the read-only field groups. */
export const GET = handle(async () => json(await serverConfig()));
