import { createHash, generateKeyPairSync } from 'node:crypto';
import { listenAddrOf } from './clair-config';

/**
 * Security-scanner service key for Clair v2's jwtproxy ("preshared" mode), as Quay's 3.3 config
 * app made it (quay-config-app.md §4): RSA 2048, key id = SHA-256 of the RFC 7638 thumbprint input,
 * private key as PKCS#1 PEM saved as `<service>.pem` (`security_scanner.pem` by default).
 */

/** Quay's rule for service names (`^[a-z0-9_]+$`). */
export const SERVICE_NAME_PATTERN = /^[a-z0-9_]+$/;

export interface RsaPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
}

export interface ServiceKey {
  /** The service (and jwtproxy issuer) name, `SECURITY_SCANNER_ISSUER_NAME`. */
  service: string;
  /** 64 lower-case hex characters. */
  kid: string;
  jwk: RsaPublicJwk;
  /** `-----BEGIN RSA PRIVATE KEY-----` (PKCS#1). Secret: goes to Clair only, never into Quay's bundle. */
  privateKeyPem: string;
  /** `-----BEGIN PUBLIC KEY-----` (SubjectPublicKeyInfo). */
  publicKeyPem: string;
  /** File name Clair's config points at. */
  privateKeyFileName: string;
  expiration?: Date;
  /** The jwtproxy part of Clair v2's config with `key_id` filled in. */
  jwtproxyYaml: string;
}

export interface ServiceKeyOptions {
  service?: string;
  expiration?: Date;
  /** Quay's URL, for the verifier's key server (`<url>/keys/`); a placeholder otherwise. */
  quayUrl?: string;
  /** `SECURITY_SCANNER_ENDPOINT`, the URL Quay calls Clair at: the verifier's audience and port. */
  scannerUrl?: string;
  /** Where Clair's container finds the private key. */
  privateKeyDir?: string;
}

/** Key id Quay computes (`canonical_kid`): lowercase hex SHA-256 of `{"e":…,"kty":"RSA","n":…}`. */
export function serviceKeyId(jwk: Pick<RsaPublicJwk, 'e' | 'n'>): string {
  return createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('hex');
}

/** A new service key. Throws a RangeError for a service name Quay would refuse (callers validate input first). */
export function generateServiceKey(opts: ServiceKeyOptions = {}): ServiceKey {
  const service = opts.service ?? 'security_scanner';
  if (!SERVICE_NAME_PATTERN.test(service)) throw new RangeError(`service name must match ${SERVICE_NAME_PATTERN}`);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const exported = publicKey.export({ format: 'jwk' });
  const jwk: RsaPublicJwk = { kty: 'RSA', n: String(exported.n), e: String(exported.e) };
  const kid = serviceKeyId(jwk);
  const privateKeyFileName = `${service}.pem`;
  const key: ServiceKey = {
    service,
    kid,
    jwk,
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyFileName,
    jwtproxyYaml: jwtproxySnippet({ service, kid, keyPath: `${opts.privateKeyDir ?? '/clair/config'}/${privateKeyFileName}`, quayUrl: opts.quayUrl, scannerUrl: opts.scannerUrl }),
  };
  if (opts.expiration) key.expiration = opts.expiration;
  return key;
}

function jwtproxySnippet(o: { service: string; kid: string; keyPath: string; quayUrl?: string; scannerUrl?: string }): string {
  const registry = o.quayUrl ? `${o.quayUrl.replace(/\/+$/, '')}/keys/` : 'https://QUAY_HOSTNAME/keys/';
  // Quay's requests reach the verifier at SECURITY_SCANNER_ENDPOINT: it listens on that port and
  // accepts tokens whose audience is that URL.
  const audience = o.scannerUrl ? o.scannerUrl.replace(/\/+$/, '') : 'http://clair:6060';
  const listen = listenAddrOf(o.scannerUrl) ?? ':6060';
  // JSON strings are valid YAML scalars: nothing user-supplied can break the document.
  return [
    "# Clair v2 config.yaml: the jwtproxy section (signs Clair's calls to Quay with the service key).",
    'jwtproxy:',
    '  signer_proxy:',
    '    enabled: true',
    '    listen_addr: :6063',
    '    ca_key_file: /certificates/mitm.key',
    '    ca_crt_file: /certificates/mitm.crt',
    '    signer:',
    `      issuer: ${JSON.stringify(o.service)}`,
    '      expiration_time: 5m',
    '      max_skew: 1m',
    '      nonce_length: 32',
    '      private_key:',
    '        type: preshared',
    '        options:',
    `          key_id: ${JSON.stringify(o.kid)}`,
    `          private_key_path: ${JSON.stringify(o.keyPath)}`,
    '  verifier_proxies:',
    '  - enabled: true',
    `    listen_addr: ${JSON.stringify(listen)}`,
    '    verifier:',
    `      audience: ${JSON.stringify(audience)}`,
    '      upstream: http://localhost:6062',
    '      key_server:',
    '        type: keyregistry',
    '        options:',
    `          registry: ${JSON.stringify(registry)}`,
    '',
  ].join('\n');
}
