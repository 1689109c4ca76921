/**
 * Request/response shapes of the v2 API used by the wizard and by automation. Plain data types,
 * importable by UI code (no server-only imports here).
 */
import type { Finding, FieldGroupId } from '../report/types';

/** A bundle as JSON: config-tool's shape plus the original YAML text (keeps comments on download). */
export interface BundleJson {
  'config.yaml': Record<string, unknown>;
  /** Other files by relative path (`ssl.cert`, `extra_ca_certs/ca.crt`), standard base64. */
  certs: Record<string, string>;
  /** The `config.yaml` text the config was loaded from, if any. */
  originalConfigYaml?: string;
}

/** `POST /api/v2/bundle/parse` (raw tar.gz/tar/YAML body) → the bundle plus what reading found. */
export interface ParsedBundle extends BundleJson {
  findings: Finding[];
}

/** `GET /api/v2/config`: the bundle preloaded with `--config-dir`, if any, and the server's settings. */
export interface ServerConfigResponse {
  bundle: ParsedBundle | null;
  readonlyGroups: FieldGroupId[];
  operatorEndpoint: boolean;
  /** The Quay releases verdicts can be judged for (`quayVersion`), oldest first, and the default. */
  quayReleases: string[];
  defaultQuayVersion: string;
}

/** `POST /api/v2/session/draft-key` `{draftId}` → the AES-256-GCM key (base64) the wizard seals its draft with. */
export interface DraftKeyResponse {
  key: string;
}

/** `POST /api/v2/keys/psk` → a Clair v4 pre-shared key (≥32 random bytes, standard base64). */
export interface PskResponse {
  psk: string;
}

/** `POST /api/v2/keys/secret` → a value for SECRET_KEY / DATABASE_SECRET_KEY. */
export interface SecretKeyResponse {
  value: string;
}

/** `POST /api/v2/keys/service-key` `{name, expiration?: ISO date}` → Clair v2 jwtproxy key. */
export interface ServiceKeyResponse {
  kid: string;
  name: string;
  /** PKCS#1 PEM, to save as `security_scanner.pem`. */
  privateKeyPem: string;
  publicKeyPem: string;
  expiration: string | null;
  /** jwtproxy `signer_proxy.signer.private_key` YAML with `key_id` filled in. */
  jwtproxySnippet: string;
}

/** `POST /api/v2/certs/self-signed` `{hostname, ips?: string[]}` → a CA and a server certificate. */
export interface SelfSignedResponse {
  caCertPem: string;
  certPem: string;
  keyPem: string;
}

/** `POST /api/v2/certs/inspect` `{certs: {name: base64}}` → one entry per file. */
export interface CertificateInfo {
  name: string;
  ok: boolean;
  error?: string;
  certificates: Array<{
    subject: string;
    issuer: string;
    sans: string[];
    notBefore: string;
    notAfter: string;
    expired: boolean;
    isCA: boolean;
    fingerprint256: string;
  }>;
  /** For a certificate with a matching key file in the bundle (ssl.cert + ssl.key). */
  keyMatches?: boolean;
  hasPrivateKey: boolean;
}

/** `POST /api/v2/keys/clair-config` `{psk, quayEndpoint?}` → Clair v4 config.yaml snippet. */
export interface ClairConfigResponse {
  yaml: string;
}
