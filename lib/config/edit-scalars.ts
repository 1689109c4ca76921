import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { deepEqual, keyString, nodeValue } from './edit-patch';
import { RENDER_OPTIONS, rangeOf, stringifyForQuay, type RenderStyle } from './edit-render';
import { isObject } from './values';

/** Replace `text.slice(from, to)` with `text`. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * The finest edit: when a value keeps its shape (same keys, same list lengths) and only scalars
 * changed, each changed scalar is replaced where it stands in the text, so that every other byte,
 * the spacing before an inline comment included, stays as written. Returns null when the change
 * is not of that kind (the caller then re-renders the whole pair).
 */
export function scalarEdits(doc: Document, text: string, node: unknown, value: unknown, style: RenderStyle, inFlow = false): TextEdit[] | null {
  if (deepEqual(nodeValue(doc, node), value)) return [];
  if (isScalar(node)) {
    const edit = scalarEdit(text, node, value, style, inFlow);
    return edit ? [edit] : null;
  }
  if (isMap(node) && isObject(value) && !node.anchor) {
    const keys = node.items.map((p) => keyString(p.key));
    const wanted = Object.keys(value).filter((k) => value[k] !== undefined);
    const sameKeys = new Set(keys).size === keys.length && keys.length === wanted.length && wanted.every((k) => keys.includes(k));
    if (!sameKeys || keys.includes('<<') || keys.includes(null)) return null;
    const edits: TextEdit[] = [];
    for (const [i, pair] of node.items.entries()) {
      const sub = scalarEdits(doc, text, pair.value, value[keys[i] ?? ''], style, inFlow || Boolean(node.flow));
      if (!sub) return null;
      edits.push(...sub);
    }
    return edits;
  }
  if (isSeq(node) && Array.isArray(value) && !node.anchor && node.items.length === value.length) {
    const edits: TextEdit[] = [];
    for (const [i, item] of node.items.entries()) {
      const sub = scalarEdits(doc, text, item, value[i], style, inFlow || Boolean(node.flow));
      if (!sub) return null;
      edits.push(...sub);
    }
    return edits;
  }
  return null;
}

/** Applies non-overlapping edits to `text.slice(from, to)`. */
export function applyEdits(text: string, from: number, to: number, edits: TextEdit[]): string {
  let out = '';
  let pos = from;
  for (const e of [...edits].sort((a, b) => a.from - b.from)) {
    out += text.slice(pos, e.from) + e.text;
    pos = e.to;
  }
  return out + text.slice(pos, to);
}

function scalarEdit(text: string, node: Scalar, value: unknown, style: RenderStyle, inFlow: boolean): TextEdit | null {
  const range = rangeOf(node);
  if (!range || range[1] <= range[0] || node.anchor || node.tag) return null;
  if (!isPrimitive(node.value) || !isPrimitive(value)) return null;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return null;
  if (text.slice(range[0], range[1]).includes('\n')) return null;
  // A copy without the comments (they stay in the text), with the old style and number format
  // while the type is unchanged; a new type gets the printer's choice of style.
  const fresh = new Scalar(value);
  if (typeof node.value === typeof value && (node.value === null) === (value === null)) {
    fresh.type = node.type;
    if (typeof value !== 'number' || Number.isInteger(value)) fresh.format = node.format;
    fresh.minFractionDigits = node.minFractionDigits;
  }
  let rendered = renderScalar(fresh, style);
  // Inside [..] or {..} a plain scalar may not contain flow indicators.
  if (rendered !== null && inFlow && typeof value === 'string' && !/^['"]/.test(rendered) && /[,[\]{}#:]/.test(rendered)) {
    fresh.type = style.singleQuote ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
    rendered = renderScalar(fresh, style);
  }
  return rendered === null ? null : { from: range[0], to: range[1], text: rendered };
}

function isPrimitive(v: unknown): boolean {
  return v === null || ['string', 'number', 'bigint', 'boolean'].includes(typeof v);
}

function renderScalar(node: Scalar, style: RenderStyle): string | null {
  const doc = new Document(null, RENDER_OPTIONS);
  doc.contents = node;
  const out = stringifyForQuay(doc, style).replace(/\n$/, '');
  return out.includes('\n') || out.startsWith('---') ? null : out;
}
