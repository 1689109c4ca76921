import { bundleFromRequest } from '@/lib/api/bundle-input';
import { handle } from '@/lib/api/http';
import { writeBundleArchive } from '@/lib/bundle/write';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** config-tool compatible: a ConfigBundle in, `quay-config.tar.gz` out (not validated, as in config-tool). */
export const POST = handle(async (request: Request) => {
  const { bundle } = await bundleFromRequest(request);
  const archive = await writeBundleArchive(bundle);
  return new Response(new Uint8Array(archive), {
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': 'attachment; filename="quay-config.tar.gz"',
      'cache-control': 'no-store',
    },
  });
});
