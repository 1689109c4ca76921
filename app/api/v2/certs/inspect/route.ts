import { handle, json } from '@/lib/api/http';
import { inspectCertificates } from '@/lib/api/keys';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Subject, SANs, issuer, validity and key match of each certificate file. */
export const POST = handle(async (request: Request) => json(await inspectCertificates(request)));
