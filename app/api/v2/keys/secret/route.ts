import { handle, json } from '@/lib/api/http';
import { newSecretKey } from '@/lib/api/keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A value for SECRET_KEY / DATABASE_SECRET_KEY (256 random bits). */
export const POST = handle(async () => json(await newSecretKey()));
