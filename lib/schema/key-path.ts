import { isObject } from '../config/values';

/** Segments of a JSON pointer (`/DISTRIBUTED_STORAGE_CONFIG/default/1`), unescaped. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A segment that can follow a dot unquoted; anything else is written as `["my.location"]`. */
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]+$/;

/**
 * Formats pointer segments as the key paths findings use: `DISTRIBUTED_STORAGE_CONFIG.default[1].s3_bucket`.
 * Array indexes are recognised by walking `data`, so an object key named `"1"` stays `.1`.
 */
export function formatKeyPath(segments: readonly string[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      out += `[${segment}]`;
      node = node[Number(segment)];
      continue;
    }
    if (out === '') out = segment;
    else out += PLAIN_SEGMENT.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
    node = isObject(node) ? node[segment] : undefined;
  }
  return out;
}
