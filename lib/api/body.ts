import { ApiError } from './http';

/** Largest request body accepted (a base64 JSON bundle is ~4/3 of its archive). */
export const MAX_REQUEST_BYTES = 80 * 1024 * 1024;

/** Reads a request body up to `maxBytes`, answering 413 beyond it (without reading the rest). */
export async function readBody(request: Request, maxBytes = MAX_REQUEST_BYTES): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new ApiError(413, `request body of ${declared} bytes exceeds the limit of ${maxBytes} bytes`);
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ApiError(413, `request body exceeds the limit of ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The media type of a request, lowercased, without parameters ('' when there is none). */
export function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Refuses a body of another type with 415. A browser page on another origin can send only
 * text/plain, form encodings or no type without a CORS preflight (which this server never grants),
 * so insisting on the declared type also closes that path for cross-site request forgery.
 */
export function requireMediaType(request: Request, accepted: readonly string[]): string {
  const type = mediaType(request);
  if (!accepted.includes(type)) {
    throw new ApiError(415, `${type ? `content type ${type.slice(0, 100)} is not accepted` : 'the request has no content type'}: send ${accepted.join(' or ')}`);
  }
  return type;
}

/** Reads a JSON body (Content-Type application/json, else 415) and parses it. */
export async function readJsonBody(request: Request, maxBytes = MAX_REQUEST_BYTES): Promise<unknown> {
  requireMediaType(request, ['application/json']);
  return parseJsonBody(await readBody(request, maxBytes));
}

/**
 * Most values (numbers, strings, members, elements) a JSON body may hold. A full Quay config has a
 * few thousand; a million tiny ones in a few megabytes would cost the server gigabytes once parsed
 * and validated, so they are counted on the raw bytes, before parsing.
 */
export const MAX_JSON_VALUES = 50_000;

/** Counts the separators outside strings: an upper bound of the number of values, in one pass. */
export function jsonValueCount(bytes: Uint8Array, stopAt = Infinity): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x2c || c === 0x3a || c === 0x5b || c === 0x7b) {
      if (++count > stopAt) return count;
    }
  }
  return count;
}

/**
 * Parses a JSON body, answering 400 on malformed JSON. JSON must be UTF-8 (RFC 8259 §8.1): other
 * bytes are refused rather than silently turned into U+FFFD inside the config.
 */
export function parseJsonBody(bytes: Buffer): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'request body is not valid UTF-8: JSON must be UTF-8');
  }
  if (text.trim() === '') throw new ApiError(400, 'request body is empty: expected a JSON object');
  if (jsonValueCount(bytes, MAX_JSON_VALUES) > MAX_JSON_VALUES) {
    throw new ApiError(413, `request body holds more than ${MAX_JSON_VALUES} JSON values: a Quay configuration has a few thousand`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ApiError(400, `request body is not valid JSON: ${e instanceof Error ? withoutExcerpt(e.message) : 'parse error'}`);
  }
}

/**
 * V8 quotes the text around a syntax error (`Unexpected token 'M', ..."PASSWD": MARKER-DB"... is
 * not valid JSON`); that excerpt can be a password, so only the reason is kept.
 */
function withoutExcerpt(message: string): string {
  return message.replace(/,\s*(\.\.\.)?".*"(\.\.\.)?\s+is not valid JSON$/s, '');
}
