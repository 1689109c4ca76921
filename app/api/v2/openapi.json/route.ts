import { handle, json } from '@/lib/api/http';
import { openApiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-static';

/** The OpenAPI 3.1 description of /api/v1 and /api/v2. */
export const GET = handle(async () => json(openApiDocument()));
