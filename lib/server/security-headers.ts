/**
 * Headers on every answer. The CSP allows inline scripts because Next's App Router inlines its
 * bootstrap data and the prebuilt pages carry no nonce; it still forbids any other origin (script,
 * fetch, frame, form target, base URL), which is what an injected script would need to send secrets
 * out. API answers hold configs and keys: never stored by a cache.
 */
const CSP = [
  "default-src 'self'",
  // 'unsafe-eval': the wizard's live checks compile Quay's schema with ajv in the browser, which
  // generates functions; without it every field check fails as "the schema check could not complete".
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(pathname: string): Record<string, string> {
  return {
    'content-security-policy': CSP,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // No includeSubDomains: the server's name may be a parent of unrelated hosts.
    'strict-transport-security': 'max-age=31536000',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(pathname.startsWith('/api/') ? { 'cache-control': 'no-store' } : {}),
  };
}
