import { handle } from '@/lib/api/http';
import { validateStream } from '@/lib/api/validate';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** NDJSON progress: one line per field group as it finishes, then the whole report. */
export const POST = handle(validateStream);
