import { bundleArchiveResponse } from '@/lib/api/bundles';
import { handle } from '@/lib/api/http';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** quay-config.tar.gz for a JSON bundle (with `originalConfigYaml`, comments and key order survive). */
export const POST = handle(bundleArchiveResponse);
