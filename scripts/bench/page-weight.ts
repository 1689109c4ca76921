import { gzipSync } from 'node:zlib';
import type { AppServer } from '../../test/harness/app-server';

/**
 * Figure (f): what a browser downloads to show a page: the HTML plus every script and stylesheet
 * under /_next/static/ that the HTML names (`<script src>`, `<link rel="stylesheet">`, and the
 * `<link rel="preload" as="script">` hints Next emits for the same chunks), raw and gzip-compressed.
 */

export interface PageWeight {
  path: string;
  status: number;
  html: number;
  js: { files: number; raw: number; gzip: number };
  css: { files: number; raw: number; gzip: number };
  total: { raw: number; gzip: number };
  /** Assets the HTML named that did not load (none expected). */
  missing: string[];
}

/** Asset URLs under /_next/static/ named by the HTML, scripts and stylesheets apart, de-duplicated. */
export function pageAssets(html: string): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) =>
      new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)')`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    const url = attr('src') ?? attr('href');
    if (!url || !url.startsWith('/_next/static/')) continue;
    const clean = url.replace(/&amp;/g, '&');
    if (/^<script/i.test(tag)) scripts.add(clean);
    else if (attr('rel') === 'stylesheet' || (attr('rel') === 'preload' && attr('as') === 'style')) styles.add(clean);
    else if ((attr('rel') === 'preload' || attr('rel') === 'modulepreload') && (attr('as') ?? 'script') === 'script') scripts.add(clean);
  }
  return { scripts: [...scripts], styles: [...styles] };
}

const gz = (data: Buffer) => gzipSync(data, { level: 6 }).length;

export async function benchPageWeight(server: AppServer, pagePath: string): Promise<PageWeight> {
  const page = await server.request('GET', pagePath, { headers: { accept: 'text/html' } });
  const { scripts, styles } = pageAssets(page.text);
  const missing: string[] = [];
  const fetchAll = async (urls: string[]) => {
    let raw = 0;
    let gzip = 0;
    for (const url of urls) {
      const res = await server.request('GET', url, { auth: false });
      if (res.status !== 200) {
        missing.push(`${url} (HTTP ${res.status})`);
        continue;
      }
      raw += res.body.length;
      gzip += gz(res.body);
    }
    return { files: urls.length, raw, gzip };
  };
  const js = await fetchAll(scripts);
  const css = await fetchAll(styles);
  const html = page.body.length;
  return {
    path: pagePath,
    status: page.status,
    html,
    js,
    css,
    total: { raw: html + js.raw + css.raw, gzip: gz(page.body) + js.gzip + css.gzip },
    missing,
  };
}
