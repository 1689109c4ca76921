import { handle, json } from '@/lib/api/http';
import { newClairConfig } from '@/lib/api/keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The Clair v4 config.yaml snippet whose auth.psk matches Quay's SECURITY_SCANNER_V4_PSK. */
export const POST = handle(async (request: Request) => json(await newClairConfig(request)));
