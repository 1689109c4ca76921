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

/** Parses a JSON body, answering 400 with the parser's position on malformed JSON. */
export function parseJsonBody(bytes: Buffer): unknown {
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new ApiError(400, 'request body is empty: expected a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ApiError(400, `request body is not valid JSON: ${e instanceof Error ? e.message : 'parse error'}`);
  }
}
