import { handle, json } from '@/lib/api/http';
import { draftKeyRequest } from '@/lib/api/draft-key';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The key the wizard seals its browser draft with (logged-in clients only; see lib/api/draft-key). */
export const POST = handle(async (request: Request) => json(await draftKeyRequest(request)));
