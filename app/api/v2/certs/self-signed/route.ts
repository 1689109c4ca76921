import { handle, json } from '@/lib/api/http';
import { newSelfSigned } from '@/lib/api/keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A new CA and a server certificate for SERVER_HOSTNAME. */
export const POST = handle(async (request: Request) => json(await newSelfSigned(request)));
