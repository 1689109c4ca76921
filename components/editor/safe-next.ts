/**
 * Where to go after login: `next` resolved against this page's origin, followed only when it stays
 * on it. Prefix checks on the raw text miss what the URL parser does (`/%09/evil.example` arrives
 * as `/\t/evil.example`, and the parser drops the tab: `//evil.example`), so origins are compared
 * on parsed URLs, and the absolute URL is returned (a path such as `//x` would leave the origin).
 */
export function safeNext(next: string, origin: string): string {
  const home = new URL('/', origin).href;
  try {
    const target = new URL(next, origin);
    if (target.origin !== new URL(origin).origin || target.pathname.startsWith('/login')) return home;
    return target.href;
  } catch {
    return home;
  }
}
