import http from 'node:http';
import https from 'node:https';
import type tls from 'node:tls';
import { abortError, resolveHost, tlsClientOptions } from './net';
import type { ProbeContext } from './context';
import { ipFamily } from '../config/ip-address';

/** Most bytes of a response body a probe reads; the rest is discarded. */
export const MAX_PROBE_BODY_BYTES = 1024 * 1024;

export interface ProbeHttpRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Extra PEM CAs for this request (e.g. a service's own CA file), on top of ctx.extraCAs. */
  extraPems?: string[];
  /** TLS verification; on unless the config explicitly turns it off. */
  verify?: boolean;
}

export interface ProbeHttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/**
 * One HTTP(S) request for a probe, recording the stages (dns → tcp → tls → semantic) on the context
 * and honouring its abort signal, over the probe's kept-alive connections when it has them.
 * Connection-level failures reject with the socket error (use `networkFinding` to turn it into a
 * finding); any HTTP status resolves.
 */
export async function probeHttp(url: string, req: ProbeHttpRequest, ctx: ProbeContext): Promise<ProbeHttpResponse> {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`unsupported URL scheme ${u.protocol}`);
  const isHttps = u.protocol === 'https:';
  const host = u.hostname.replace(/^\[|\]$/g, '');
  await resolveHost(host, ctx);
  ctx.enter('tcp');
  const tlsOpts: tls.ConnectionOptions | undefined = isHttps ? tlsClientOptions(ctx, { servername: host, extraPems: req.extraPems, verify: req.verify }) : undefined;

  return new Promise<ProbeHttpResponse>((resolve, reject) => {
    const options: https.RequestOptions = {
      method: req.method ?? 'GET',
      host,
      port: u.port ? Number(u.port) : isHttps ? 443 : 80,
      path: `${u.pathname}${u.search}`,
      headers: { 'user-agent': 'quay-config-validator', accept: 'application/json, */*', ...req.headers },
      agent: ctx.connections?.agentFor(tlsOpts) ?? false,
      ...(tlsOpts ?? {}),
      ...(isHttps && ipFamily(host) === 0 ? { servername: host } : {}),
    };
    if (u.username || u.password) options.auth = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    const request = (isHttps ? https : http).request(options);
    const onAbort = () => request.destroy(abortError(ctx));
    if (ctx.signal.aborted) return onAbort();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => ctx.signal.removeEventListener('abort', onAbort);

    request.once('socket', (socket) => {
      // A kept-alive connection is past TCP and TLS already.
      if (request.reusedSocket) return ctx.enter('semantic');
      socket.once('connect', () => ctx.enter(isHttps ? 'tls' : 'semantic'));
      if (isHttps) socket.once('secureConnect', () => ctx.enter('semantic'));
    });
    request.once('error', (e) => {
      cleanup();
      reject(e);
    });
    request.once('response', (res) => {
      ctx.enter('semantic');
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_PROBE_BODY_BYTES) chunks.push(c);
        size += c.length;
      });
      res.once('error', (e) => {
        cleanup();
        reject(e);
      });
      res.once('end', () => {
        cleanup();
        const body = Buffer.concat(chunks).subarray(0, MAX_PROBE_BODY_BYTES).toString('utf8');
        let json: unknown;
        try {
          json = body ? JSON.parse(body) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    if (req.body !== undefined) request.write(req.body);
    request.end();
  });
}

/** Most characters of a service's own words a finding quotes. */
export const MAX_SERVICE_WORDS = 100;

/**
 * What a finding quotes of a service's answer: its first line of text (tags of an HTML error page
 * dropped), at most MAX_SERVICE_WORDS characters. Enough for "invalid_client: bad secret" or
 * "index_not_found_exception"; internal services' pages, stack traces and echoed requests beyond
 * that are not the user's business and may name internal hosts or carry tokens.
 */
export function serviceWords(text: string, max = MAX_SERVICE_WORDS): string {
  const plain = /^\s*</.test(text) ? text.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, '\n') : text;
  const line =
    plain
      .split(/\r?\n/)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .find((l) => l !== '') ?? '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** `Basic …` header value. */
export function basicAuth(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
