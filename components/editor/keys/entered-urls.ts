/**
 * The URLs the key snippets are built from, taken from what the user entered (only when they are
 * http(s) URLs the API accepts; a half-typed value leaves the snippet's placeholder instead).
 */

/** `<PREFERRED_URL_SCHEME>://<SERVER_HOSTNAME>`, as clients and Clair's notifier reach Quay. */
export function quayUrlOf(hostname: unknown, scheme: unknown): string | undefined {
  if (typeof hostname !== 'string' || hostname.trim() === '') return undefined;
  return httpUrl(`${scheme === 'http' ? 'http' : 'https'}://${hostname.trim()}`);
}

/** The value when it is an absolute http(s) URL, else undefined. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}
