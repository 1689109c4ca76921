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
