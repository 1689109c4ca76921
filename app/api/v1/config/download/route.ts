import { bundleArchiveResponse } from '@/lib/api/bundles';
import { handle } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * config-tool compatible: a ConfigBundle in, quay-config.tar.gz out, not validated (as config-tool),
 * but with the right content type (config-tool said application/zip) and sanitised file names.
 */
export const POST = handle(bundleArchiveResponse);
