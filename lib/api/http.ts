import { BundleError, BundleTooLargeError } from '../bundle/types';

/** A malformed request: answered with this status and `{"error": message}`, never a stack trace. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra response headers, e.g. Retry-After on a 429 or 503. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function problem(status: number, message: string): Response {
  return json({ error: message }, status);
}

/**
 * Wraps a route handler: ApiError and BundleError become 4xx `{"error": …}`; anything else is a
 * bug, logged without request data and answered with a generic 500.
 */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      if (e instanceof ApiError) return json({ error: e.message }, e.status, e.headers);
      if (e instanceof BundleError) return problem(e instanceof BundleTooLargeError ? 413 : 400, e.message);
      console.error(`internal error: ${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown'}`);
      return problem(500, 'internal error');
    }
  };
}
