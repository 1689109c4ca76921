import { parseUploadedBundle } from '@/lib/api/bundles';
import { handle, json } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Reads an uploaded quay-config.tar.gz (or config.yaml); hostile archives get a 4xx naming the entry. */
export const POST = handle(async (request: Request) => json(await parseUploadedBundle(request)));
