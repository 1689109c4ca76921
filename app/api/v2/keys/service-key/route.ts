import { handle, json } from '@/lib/api/http';
import { newServiceKey } from '@/lib/api/keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A security-scanner service key (Clair v2 jwtproxy); the private key is shown once. */
export const POST = handle(async (request: Request) => json(await newServiceKey(request)));
