import { randomBytes } from 'node:crypto';

/** Fewest random bytes in a PSK we generate, and the length below which a PSK is called weak. */
export const MIN_PSK_BYTES = 32;

/**
 * A Clair v4 pre-shared key: `bytes` (≥ 32) from the CSPRNG as standard padded base64, the form
 * Quay decodes with `base64.b64decode` and Clair reads from `auth.psk.key`. config-tool's
 * generator used `Math.random` and gave 9–16 bytes (quay-config-app.md §4).
 */
export function generateClairPsk(bytes = MIN_PSK_BYTES): string {
  return randomBytes(Math.max(bytes, MIN_PSK_BYTES)).toString('base64');
}

const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Strictly decodes standard, padded base64. Python's `b64decode` (what Quay runs) silently drops
 * characters outside the alphabet, so a PSK with `-`, `_` or spaces gives Quay a different key than
 * Clair's Go decoder: such text is rejected here rather than "fixed".
 */
export function decodeStandardBase64(text: string): Uint8Array | undefined {
  if (!STANDARD_BASE64.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text, 'base64'));
}
