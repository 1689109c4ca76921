import { stringify } from 'yaml';

/**
 * The Quay-facing part of a Clair v4 `config.yaml`: `auth.psk` with the same base64 key as
 * `SECURITY_SCANNER_V4_PSK` and issuer `quay` (what Quay puts in `iss`), plus the notifier webhook
 * back to Quay when its URL is known. Merged by hand into the rest of Clair's config.
 */
export interface ClairSnippetOptions {
  /** `SECURITY_SCANNER_V4_PSK`, base64 exactly as in Quay's config. */
  psk: string;
  /** Address Clair listens on; its port must match `SECURITY_SCANNER_V4_ENDPOINT`. */
  httpListenAddr?: string;
  /** `<PREFERRED_URL_SCHEME>://<SERVER_HOSTNAME>`: adds `notifier.webhook` so Quay gets security notifications. */
  quayUrl?: string;
  /** How Quay reaches Clair (`SECURITY_SCANNER_V4_ENDPOINT`), for the notifier callback. */
  clairUrl?: string;
}

/** Clair v4 YAML whose `auth.psk.key` and `iss` match the Quay side. */
export function clairConfigSnippet(o: ClairSnippetOptions): string {
  const doc: Record<string, unknown> = { http_listen_addr: o.httpListenAddr ?? listenAddrOf(o.clairUrl) ?? ':8080' };
  if (o.quayUrl) {
    const clair = (o.clairUrl ?? 'http://clair:8080').replace(/\/+$/, '');
    doc.notifier = {
      webhook: {
        target: `${o.quayUrl.replace(/\/+$/, '')}/secscan/notification`,
        callback: `${clair}/notifier/api/v1/notifications`,
      },
    };
  }
  // Quay signs its JWTs with iss "quay" (util/secscan/v4/api.py); Clair accepts only listed issuers.
  doc.auth = { psk: { key: o.psk, iss: ['quay'] } };
  const header = "# Clair v4 config.yaml (excerpt): auth.psk.key must equal SECURITY_SCANNER_V4_PSK in Quay's config.yaml.\n";
  return header + stringify(doc, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

/**
 * `:<port>` of the URL a client calls a service at, when the URL names a port: the service must
 * listen there (a URL without a port leaves the listen address to the caller's default).
 */
export function listenAddrOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const port = new URL(url).port;
    return port ? `:${port}` : undefined;
  } catch {
    return undefined;
  }
}
