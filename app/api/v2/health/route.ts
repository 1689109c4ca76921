export const dynamic = 'force-dynamic';

/** Liveness, the only route without auth. */
export function GET() {
  return Response.json({ status: 'ok' });
}
