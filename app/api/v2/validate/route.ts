import { handle, json } from '@/lib/api/http';
import { validateRequest } from '@/lib/api/validate';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Validates a JSON or tar.gz bundle; an invalid config is still a 200 with `valid: false`. */
export const POST = handle(async (request: Request) => json(await validateRequest(request)));
