import { randomBytes, randomUUID } from 'node:crypto';

/**
 * `SECRET_KEY` / `DATABASE_SECRET_KEY` generators (CSPRNG only). Quay accepts any string; the
 * formats below are the ones its own tools wrote, so generated configs look familiar.
 */
export type SecretKeyFormat =
  /** 64 hex characters (256 bits). */
  | 'hex'
  /** Decimal text of a 256-bit integer, as the 3.3 config app wrote (`str(SystemRandom().getrandbits(256))`). */
  | 'decimal'
  /** A UUID v4 (122 random bits), as config-tool wrote. */
  | 'uuid';

/** A new random secret key; 256 bits unless the format is `uuid`. */
export function generateSecretKey(format: SecretKeyFormat = 'hex'): string {
  if (format === 'uuid') return randomUUID();
  const bytes = randomBytes(32);
  if (format === 'hex') return bytes.toString('hex');
  return BigInt(`0x${bytes.toString('hex')}`).toString(10);
}
