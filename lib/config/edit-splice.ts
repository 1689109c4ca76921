import { isCollection, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair } from 'yaml';
import { anchorsAndAliases, deepEqual, keyString, nodeValue, patchNode } from './edit-patch';
import { applyEdits, scalarEdits } from './edit-scalars';
import { aliasTargets, detach } from './edit-unalias';
import { DEFAULT_STYLE, detectStyle, lineEnd, lineStart, rangeOf, renderPairs, type RenderStyle } from './edit-render';
import type { ConfigMap } from './values';

type Action = 'keep' | 'remove' | 'patch' | 'materialise';

interface Entry {
  pair: Pair;
  key: string;
  /** Start of the key's line. */
  start: number;
  /** End of the pair's last content line (where a re-rendered pair's text stops). */
  contentEnd: number;
  /** contentEnd plus the indented comment lines that trail the block (commented-out sub-keys). */
  blockEnd: number;
  indent: string;
  action: Action;
  /** The value to render: the new one, or for a shadowed duplicate its own. */
  value: unknown;
  style: RenderStyle;
}

/**
 * Rewrites `text` at top-level-pair granularity: untouched pairs (and every comment and blank line
 * between pairs) are copied byte for byte, changed pairs are patched in place and re-rendered,
 * removed pairs are cut out with their own comments, new keys are appended after the last pair.
 * With `scalarEdits`, a change that only touches scalars replaces just those scalars' text.
 * Returns null when the document's shape does not allow splicing (flow or indented top-level map,
 * complex or merge keys); the caller then falls back to re-rendering the whole document.
 * `doc` must be a fresh parse of `text`: it is modified.
 */
export function spliceConfigYaml(text: string, doc: Document, old: ConfigMap, next: ConfigMap, options: { scalarEdits: boolean }): string | null {
  const map = doc.contents;
  if (!isMap(map) || map.flow || map.items.length === 0) return null;
  const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
  const docStyle: RenderStyle = { ...DEFAULT_STYLE, ...detectStyle(text, map.items) };
  const targets = aliasTargets(doc);
  const keys = map.items.map((p) => keyString(p.key));
  const last = new Map<string, number>();
  keys.forEach((k, i) => k !== null && last.set(k, i));

  const entries: Entry[] = [];
  for (const [i, pair] of map.items.entries()) {
    const key = keys[i] ?? null;
    const keyRange = rangeOf(pair.key);
    if (key === null || !keyRange) return null;
    const start = lineStart(text, keyRange[0]);
    const indent = text.slice(start, keyRange[0]);
    if (/[^ ]/.test(indent)) return null;
    const contentEnd = lineEnd(text, contentEndOf(pair.value, keyRange[1]));
    const own = nodeValue(doc, pair.value);
    const isLast = last.get(key) === i;
    // A shadowed duplicate (Quay reads the last one) stays while its key is untouched and goes
    // when the key is rewritten, which also settles the ambiguity.
    let action: Action = next[key] === undefined ? 'remove' : deepEqual(old[key], next[key]) ? 'keep' : isLast ? 'patch' : 'remove';
    // A merge (`<<: *defaults`) stays; keys it provides are overridden below by explicit pairs.
    if (key === '<<') action = 'keep';
    const links = anchorsAndAliases(pair.value);
    if (action === 'patch' && (links.anchors.size > 0 || links.aliases.size > 0)) action = 'materialise';
    entries.push({
      pair,
      key,
      start,
      contentEnd,
      indent,
      action,
      blockEnd: trailingCommentsEnd(text, contentEnd, indent.length),
      value: isLast ? next[key] : own,
      style: { ...docStyle, ...detectStyle(text, [pair]) },
    });
  }
  materialiseBrokenAliases(entries);

  const known = new Set(keys);
  // Keys a top-level merge provides: unchanged ones need nothing, changed ones get an explicit
  // pair (explicit keys win over merged ones); a removed one cannot be expressed by splicing.
  const merged = Object.keys(old).filter((k) => !known.has(k));
  if (merged.some((k) => next[k] === undefined)) return null;
  const added = Object.entries(next).filter(([k, v]) => v !== undefined && !known.has(k) && !(merged.includes(k) && deepEqual(old[k], v)));
  const addedText = added.length
    ? adjust(
        renderPairs(
          added.map(([k, v]) => doc.createPair(k, v, { aliasDuplicateObjects: false })),
          docStyle,
        ),
        entries[0]?.indent ?? '',
        eol,
      )
    : '';

  let out = '';
  let pos = 0;
  for (const [i, e] of entries.entries()) {
    if (e.action === 'remove') {
      const [from, to] = removalRange(text, e, i === 0);
      out += text.slice(pos, from);
      pos = to;
    } else if (e.action !== 'keep') {
      const edits = options.scalarEdits && e.action === 'patch' ? scalarEdits(doc, text, e.pair.value, e.value, e.style) : null;
      let rendered = edits ? applyEdits(text, e.start, e.contentEnd, edits) : adjust(renderEntry(doc, text, e, targets), e.indent, eol);
      if (!text.slice(e.start, e.contentEnd).endsWith('\n')) rendered = rendered.replace(/\r?\n$/, '');
      out += text.slice(pos, e.start) + rendered;
      pos = e.contentEnd;
    }
    if (i === entries.length - 1 && addedText) {
      const at = Math.max(pos, e.blockEnd);
      out += text.slice(pos, at);
      if (out !== '' && !out.endsWith('\n')) out += eol;
      out += addedText;
      pos = at;
    }
  }
  return out + text.slice(pos);
}

/** Re-renders one pair with its comments, keeping a comment that sat on the key's line there. */
function renderEntry(doc: Document, text: string, e: Entry, targets: Map<Alias, Node>): string {
  const { pair } = e;
  // Comments above the key and the block's trailing comment lines stay in the copied text.
  if (isScalar(pair.key)) {
    pair.key.commentBefore = undefined;
    pair.key.spaceBefore = false;
  }
  for (const n of spineCollections(pair.value)) n.comment = undefined;
  const keyEnd = rangeOf(pair.key)?.[1] ?? e.start;
  const onKeyLine = /^\s*:([ \t]+#[^\r\n]*)/.exec(text.slice(keyEnd, lineEnd(text, keyEnd)))?.[1];
  const value = pair.value;
  let suffix = '';
  if (onKeyLine && isCollection(value) && !value.flow && value.commentBefore) {
    const [first, ...rest] = value.commentBefore.split('\n');
    if (first === onKeyLine.trim().slice(1)) {
      value.commentBefore = rest.length ? rest.join('\n') : undefined;
      suffix = onKeyLine;
    }
  }
  // Materialising keeps styles and comments: aliases are replaced by copies, anchors dropped.
  pair.value = patchNode(doc, e.action === 'patch' ? value : detach(value, targets), e.value);
  const rendered = renderPairs([pair], e.style);
  const nl = rendered.indexOf('\n');
  const firstLine = nl === -1 ? rendered : rendered.slice(0, nl);
  return suffix && firstLine.endsWith(':') ? firstLine + suffix + rendered.slice(firstLine.length) : rendered;
}

/**
 * An alias whose anchor disappears (its pair was removed or materialised) would no longer load:
 * such pairs are materialised too, repeatedly, since materialising drops their own anchors.
 */
function materialiseBrokenAliases(entries: Entry[]): void {
  const links = entries.map((e) => anchorsAndAliases(e.pair.value));
  for (let changed = true; changed;) {
    changed = false;
    const dropped = new Set(entries.flatMap((e, i) => (e.action === 'remove' || e.action === 'materialise' ? [...(links[i]?.anchors ?? [])] : [])));
    for (const [i, e] of entries.entries()) {
      if (e.action === 'keep' && [...(links[i]?.aliases ?? [])].some((a) => dropped.has(a))) {
        e.action = 'materialise';
        changed = true;
      }
    }
  }
}

/** Where the pair's last content line ends: block collections end with their last item. */
function contentEndOf(node: unknown, fallback: number): number {
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) {
    const item = node.items[node.items.length - 1];
    return isPair(item) ? contentEndOf(item.value, rangeOf(item.key)?.[1] ?? fallback) : contentEndOf(item, fallback);
  }
  return rangeOf(node)?.[1] ?? fallback;
}

/** The block collections on the path to the last content line; their trailing comments follow it. */
function spineCollections(node: unknown): Node[] {
  if (!(isMap(node) || isSeq(node)) || node.flow) return [];
  const item = node.items[node.items.length - 1];
  return [node, ...spineCollections(isPair(item) ? item.value : item)];
}

function trailingCommentsEnd(text: string, from: number, keyIndent: number): number {
  let p = from;
  while (p < text.length) {
    const next = nextLine(text, p);
    const m = /^([ \t]*)#/.exec(text.slice(p, next));
    if (!m || (m[1]?.length ?? 0) <= keyIndent) break;
    p = next;
  }
  return p;
}

/** A removed pair takes its own comment lines above (not the file's header) and one blank line. */
function removalRange(text: string, e: Entry, isFirst: boolean): [number, number] {
  let from = e.start;
  const above = isScalar(e.pair.key) && !isFirst ? (e.pair.key.commentBefore?.split('\n').length ?? 0) : 0;
  for (let n = 0; n < above && from > 0; n++) {
    const prev = lineStart(text, from - 1);
    if (!/^[ \t]*#/.test(text.slice(prev, from))) break;
    from = prev;
  }
  let to = e.blockEnd;
  const blankBefore = from === 0 || text.slice(lineStart(text, from - 1), from).trim() === '';
  if (blankBefore && to < text.length && text.slice(to, nextLine(text, to)).trim() === '') to = nextLine(text, to);
  return [from, to];
}

function nextLine(text: string, lineStartOffset: number): number {
  const nl = text.indexOf('\n', lineStartOffset);
  return nl === -1 ? text.length : nl + 1;
}

function adjust(rendered: string, indent: string, eol: string): string {
  const indented = indent ? rendered.replace(/^(?=.)/gm, indent) : rendered;
  return eol === '\n' ? indented : indented.replace(/\n/g, eol);
}
