import { handle, json } from '@/lib/api/http';
import { configToolValidateRequest } from '@/lib/api/validate';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** config-tool compatible: a ConfigBundle in, `[{FieldGroup, Tags, Message}]` out (`[]` = valid). */
export const POST = handle(async (request: Request) => json(await configToolValidateRequest(request)));
