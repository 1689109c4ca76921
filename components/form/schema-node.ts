/**
 * Typed reads of JSON-schema nodes for the renderer. Schema nodes are plain data from
 * `schema/config.schema.json`; nothing here casts, a missing keyword reads as undefined.
 */
import { isObject } from '@/lib/config/values';

/** A JSON-schema node as plain data. */
export type SchemaNode = Record<string, unknown>;

/** The declared JSON types of a node, without `null` (`["string","null"]` → `["string"]`). */
export function schemaTypes(node: SchemaNode): string[] {
  const t = node.type;
  const list = typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
  return list.filter((x) => x !== 'null');
}

/** The allowed values of an enum node, or undefined. */
export function schemaEnum(node: SchemaNode): unknown[] | undefined {
  return Array.isArray(node.enum) ? node.enum.filter((v) => v !== null) : undefined;
}

/** The `properties` of an object node (only object-valued entries). */
export function schemaProperties(node: SchemaNode): Record<string, SchemaNode> {
  if (!isObject(node.properties)) return {};
  const out: Record<string, SchemaNode> = {};
  for (const [k, v] of Object.entries(node.properties)) if (isObject(v)) out[k] = v;
  return out;
}

/** The `required` property names of an object node. */
export function schemaRequired(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? node.required.filter((x): x is string => typeof x === 'string') : [];
}

/** The item schema of a list (`items` as one schema), or undefined for tuples and untyped lists. */
export function schemaItems(node: SchemaNode): SchemaNode | undefined {
  return isObject(node.items) ? node.items : undefined;
}

/** A string-valued keyword of a node. */
export function schemaString(node: SchemaNode, keyword: 'description' | 'pattern' | 'format' | 'title' | 'x-expect'): string | undefined {
  const v = node[keyword];
  return typeof v === 'string' ? v : undefined;
}

/** An example value from the schema (`x-example`), formatted as placeholder text. */
export function schemaExample(node: SchemaNode): string | undefined {
  const v = node['x-example'];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A number-valued keyword of a node. */
export function schemaNumber(node: SchemaNode, keyword: 'minimum' | 'maximum'): number | undefined {
  const v = node[keyword];
  return typeof v === 'number' ? v : undefined;
}

/** "BUILDLOGS_REDIS" → "Buildlogs redis"; used only when the UI metadata has no title. */
export function titleFromKey(key: string): string {
  const words = key
    .replace(/^FEATURE_/, '')
    .toLowerCase()
    .split(/[_\s]+/)
    .filter(Boolean);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
