import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import { MAX_YAML_ALIASES } from './load';
import { isObject } from './values';

/**
 * In-place edits of YAML nodes: a node whose value did not change is left alone (comments, quoting,
 * number format and all), a scalar keeps its style when its type did not change, and only a change
 * of type creates a fresh node. Aliases and anchors are never patched, only materialised.
 */

/** JSON-style deep equality: `undefined` members count as absent, NaN equals NaN. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** A mapping key as the loader sees it: scalars by their string form, merge keys (`<<`) as `<<`. */
export function keyString(key: unknown): string | null {
  if (!isScalar(key)) return null;
  return typeof key.value === 'symbol' ? '<<' : String(key.value);
}

/** The plain value of a node, as the loader would produce it (aliases resolved, big integers exact). */
export function nodeValue(doc: Document, node: unknown): unknown {
  if (!isNode(node)) return node ?? null;
  return node.toJS(doc, { maxAliasCount: MAX_YAML_ALIASES, reviver: (_k, v) => (typeof v === 'bigint' ? exactInteger(v) : v) });
}

/**
 * Gives integers beyond 2^53 (78-digit SECRET_KEYs written by the old config tools) their exact
 * value from the source text, as the loader does, so that comparing them with the config works
 * and re-rendering them prints every digit.
 */
export function keepBigIntegersExact(doc: Document): void {
  visit(doc, {
    Scalar: (_k, s) => {
      const src = s.source;
      if (typeof s.value !== 'number' || Number.isSafeInteger(s.value) || !Number.isInteger(s.value) || typeof src !== 'string') return;
      // Decimal only: a leading 0 is YAML 1.1 octal, which BigInt would read as decimal.
      if (/^[-+]?[1-9][0-9_]*$/.test(src)) s.value = BigInt(src.replace(/[_+]/g, ''));
    },
  });
}

/** A bigint as the loader returns it: a number when exact, else its decimal string. */
function exactInteger(v: bigint): number | string {
  return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
}

/** Anchors a node (or its children) define, and anchors its aliases refer to. */
export function anchorsAndAliases(node: unknown): { anchors: Set<string>; aliases: Set<string> } {
  const anchors = new Set<string>();
  const aliases = new Set<string>();
  if (!isNode(node)) return { anchors, aliases };
  const see = (n: unknown) => {
    if (isAlias(n)) aliases.add(n.source);
    else if ((isScalar(n) || isCollection(n)) && n.anchor) anchors.add(n.anchor);
  };
  see(node);
  if (isCollection(node)) visit(node, { Node: (_k, n) => see(n) });
  return { anchors, aliases };
}

/** A fresh node for `value`, in block style, with no anchors even for repeated objects. */
export function materialise(doc: Document, old: unknown, value: unknown): Node {
  const fresh = doc.createNode(value, { aliasDuplicateObjects: false });
  carryComments(old, fresh);
  return fresh;
}

/**
 * Returns the node to use for `value` in place of `node`: the same node, patched, wherever the
 * shape allows it, so that comments and styles inside it survive.
 */
export function patchNode(doc: Document, node: unknown, value: unknown): Node {
  if (isNode(node) && !isAlias(node) && deepEqual(nodeValue(doc, node), value)) return node;
  if (isScalar(node) && !node.anchor && isPatchablePrimitive(node.value, value)) {
    patchScalar(node, value);
    return node;
  }
  if (isMap(node) && !node.anchor && isObject(value) && node.items.every((p) => ![null, '<<'].includes(keyString(p.key)))) {
    patchMap(doc, node, value);
    return node;
  }
  if (isSeq(node) && !node.anchor && Array.isArray(value)) {
    const kept = node.items.slice(0, value.length).map((item, i) => patchNode(doc, item, value[i]));
    const added = value.slice(node.items.length).map((v) => doc.createNode(v, { aliasDuplicateObjects: false }));
    node.items = [...kept, ...added];
    return node;
  }
  return materialise(doc, node, value);
}

function patchMap(doc: Document, map: import('yaml').YAMLMap, value: Record<string, unknown>): void {
  const keyOf = (k: unknown) => keyString(k) ?? '';
  const lastIndex = new Map<string, number>();
  map.items.forEach((p, i) => lastIndex.set(keyOf(p.key), i));
  // An earlier duplicate of a key is shadowed (the loader, like PyYAML, keeps the last): dropping it
  // while the map is rewritten anyway removes the ambiguity without changing the value.
  map.items = map.items.filter((p, i) => {
    const k = keyOf(p.key);
    return lastIndex.get(k) === i && value[k] !== undefined;
  });
  for (const pair of map.items) pair.value = patchNode(doc, pair.value, value[keyOf(pair.key)]);
  const present = new Set(map.items.map((p) => keyOf(p.key)));
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined && !present.has(k)) map.items.push(doc.createPair(k, v, { aliasDuplicateObjects: false }));
  }
}

function isPatchablePrimitive(old: unknown, value: unknown): boolean {
  const kind = (v: unknown) => (v === null ? 'null' : typeof v);
  return kind(old) === kind(value) && ['string', 'number', 'boolean'].includes(kind(value));
}

function patchScalar(node: import('yaml').Scalar, value: unknown): void {
  node.value = value;
  // A block scalar (| or >) only makes sense for multi-line text; the stringifier picks a style.
  if (typeof value === 'string' && !value.includes('\n') && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
    node.type = undefined;
  }
  // HEX/OCT/BIN formats only exist for integers.
  if (typeof value === 'number' && !Number.isInteger(value)) node.format = undefined;
  // `source` keeps e.g. `yes` for a boolean; it must not survive a change of value.
  node.source = undefined;
}

/** Keeps the comments that sit on and before a value when the value itself is replaced. */
function carryComments(old: unknown, fresh: Node): void {
  if (!isNode(old)) return;
  if (old.commentBefore) fresh.commentBefore = old.commentBefore;
  // Trailing comments of block collections that sit after the pair's last line were taken off
  // beforehand (they stay in the untouched text), so any comment left here belongs to this value.
  if (old.comment) fresh.comment = old.comment;
  if (old.spaceBefore) fresh.spaceBefore = true;
}
