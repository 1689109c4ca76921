import tls from 'node:tls';
import type { ProbeContext } from './context';
import { trustContext } from './net';

/** libpq's sslmode values. */
export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/**
 * Where a database driver's trust comes from: the CA file the config names (libpq's `sslrootcert`,
 * PyMySQL's `ssl.ca`) is the *only* trust store those drivers use; `system` means the image's
 * store, which Quay's boot script fills with `extra_ca_certs/*`.
 */
export type TrustAnchors = { source: string; pems: string[] } | 'system';

/** TLS settings of a PostgreSQL connection, already resolved against the bundle. */
export interface PostgresTls {
  /** Effective mode (`require` with a root certificate is `verify-ca`, as in libpq). */
  mode: SslMode;
  ca?: TrustAnchors;
  /** Client certificate and key (PEM), for certificate authentication. */
  cert?: string;
  key?: string;
}

/** The PEM CAs a driver will trust, given where its trust comes from. */
export function anchorPems(anchors: TrustAnchors | undefined, ctx: ProbeContext): string[] | undefined {
  if (anchors === undefined) return undefined;
  return anchors === 'system' ? [...tls.rootCertificates, ...ctx.extraCAs] : anchors.pems;
}

/**
 * Node TLS options with libpq's semantics: `require` (and the TLS attempt of `prefer`/`allow`)
 * encrypts without verifying, `verify-ca` checks the chain only, `verify-full` also the host name.
 */
export function postgresSslOptions(t: PostgresTls, ctx: ProbeContext): tls.ConnectionOptions {
  const options: tls.ConnectionOptions = { rejectUnauthorized: false };
  if (t.cert !== undefined && t.key !== undefined) {
    options.cert = t.cert;
    options.key = t.key;
  }
  if (t.mode === 'verify-ca' || t.mode === 'verify-full') {
    options.rejectUnauthorized = true;
    // The image's store: the shared context (system roots are costly to parse per connection).
    if (t.ca === 'system' && options.cert === undefined) options.secureContext = trustContext(ctx.extraCAs);
    else options.ca = anchorPems(t.ca, ctx) ?? [];
    if (t.mode === 'verify-ca') options.checkServerIdentity = () => undefined;
  }
  return options;
}
