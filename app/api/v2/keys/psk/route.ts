import { handle, json } from '@/lib/api/http';
import { newPsk } from '@/lib/api/keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A Clair v4 pre-shared key: 32 random bytes, standard base64. */
export const POST = handle(async () => json(await newPsk()));
