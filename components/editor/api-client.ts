/**
 * Browser side of the v2 API: one fetch wrapper so every call handles the same three outcomes —
 * success, a `{"error": "…"}` answer (shown as is: the server names the problem), and a 401 after
 * a server restart (session gone: save the draft, log in again, come back to it). The server sends
 * no Basic challenge to these fetches, so the browser never opens its own password dialog.
 */

/** A failed API call, with the server's own message when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedHandler = () => void;

let onUnauthorized: UnauthorizedHandler = () => {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/login?next=${encodeURIComponent(here)}&expired=1`);
};

/** Lets the editor flush its draft before the redirect to the login page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler): void {
  onUnauthorized = handler;
}

/** `fetch` for the API: throws `ApiError` on a network failure or a non-2xx answer. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { credentials: 'same-origin', cache: 'no-store', ...init });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'The quay-config server did not answer. Is it still running? Your changes are kept in this browser.');
  }
  if (res.status === 401) {
    onUnauthorized();
    throw new ApiError(401, 'Your session has ended (the server may have restarted). Log in again: your draft is kept.');
  }
  if (!res.ok) throw new ApiError(res.status, await errorMessage(res));
  return res;
}

/** POSTs JSON (or raw bytes) and parses the JSON answer. */
export async function apiJson<T>(path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const res = await apiFetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    ...init,
  });
  return (await res.json()) as T;
}

async function errorMessage(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed && typeof parsed.error === 'string') return parsed.error;
  } catch {
    /* not JSON: fall through */
  }
  return text.trim().slice(0, 300) || `${res.status} ${res.statusText}`;
}

/** Turns anything thrown into a sentence for a toast. */
export function describeError(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
