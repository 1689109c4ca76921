import { Document, isCollection, isMap, isNode, isSeq, visit, YAMLMap, type Pair, type Tags } from 'yaml';
import type { ConfigMap } from './values';

/** How re-rendered YAML is laid out, detected from the administrator's file where possible. */
export interface RenderStyle {
  indent: number;
  /** `key:\n  - a` (true) or `key:\n- a` (false, PyYAML's default). */
  indentSeq: boolean;
  /** Quote with '…' (PyYAML's habit) unless the text needs "…" escapes. */
  singleQuote: boolean;
  /** `{ a: 1 }` (true) or `{a: 1}` (false). */
  flowCollectionPadding: boolean;
}

/**
 * Documents that are only printed: YAML 1.1 with timestamps (so date-like strings get quoted), and
 * no merge-key tag, so that a string `<<` is an ordinary string that gets quoted rather than
 * printed as a merge key. Merge keys never reach the printer: maps holding them are materialised.
 */
export const RENDER_OPTIONS = {
  version: '1.1',
  customTags: (tags: Tags): Tags =>
    tags
      .filter((t) => typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:merge')
      .map(withPyYamlExponent)
      .map(withPyYamlBool),
  aliasDuplicateObjects: false,
} as const;

/**
 * PyYAML's booleans are yes/no/true/false/on/off: `y` and `n` are strings to Quay (and to our
 * loader), so they need no quotes. The same tests as the loader's, so output and input agree.
 */
function withPyYamlBool(tag: Tags[number]): Tags[number] {
  if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:bool' || !('test' in tag) || !tag.test) return tag;
  const isTrue = tag.test.test('true');
  return { ...tag, test: isTrue ? /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/ : /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/ };
}

/** PyYAML reads `1e+21` as a string (its floats need a dot): numbers are printed `1.0e+21`. */
function withPyYamlExponent(tag: Tags[number]): Tags[number] {
  if (typeof tag === 'string' || !('stringify' in tag) || !tag.stringify || tag.format) return tag;
  if (tag.tag !== 'tag:yaml.org,2002:int' && tag.tag !== 'tag:yaml.org,2002:float') return tag;
  const print = tag.stringify;
  return { ...tag, stringify: (...args) => print(...args).replace(/^([-+]?\d+)([eE][-+]?\d+)$/, '$1.0$2') };
}

/** Block style, 2-space indent, indented sequences, single quotes: what a fresh config.yaml looks like. */
export const DEFAULT_STYLE: RenderStyle = { indent: 2, indentSeq: true, singleQuote: true, flowCollectionPadding: false };

/**
 * Renders a config as a new YAML 1.1 document whose keys keep the given order. Strings that YAML 1.1
 * would read as something else (`yes`, `on`, `0777`, `1:20`, `null`, `~`, `2024-01-01`) are quoted,
 * because the full 1.1 schema, timestamps included, decides what needs quoting, as PyYAML would.
 */
export function renderFresh(config: ConfigMap, style: RenderStyle = DEFAULT_STYLE): string {
  const doc = new Document(config, RENDER_OPTIONS);
  return stringifyForQuay(doc, style);
}

/** Stringifies pairs (taken from any document) as a top-level block map of their own. */
export function renderPairs(pairs: Pair[], style: RenderStyle): string {
  const doc = new Document(null, RENDER_OPTIONS);
  const map = new YAMLMap(doc.schema);
  map.items.push(...pairs);
  doc.contents = map;
  return stringifyForQuay(doc, style);
}

/**
 * The layout of the given pairs (top-level pairs of one document): nested indentation, sequence
 * indentation, quote and flow-padding habits. Only what the pairs show is returned.
 */
export function detectStyle(text: string, pairs: readonly Pair[]): Partial<RenderStyle> {
  const found: Partial<RenderStyle> = {};
  let single = 0;
  let double = 0;
  for (const pair of pairs) {
    const keyStart = rangeOf(pair.key)?.[0];
    const value = pair.value;
    if (keyStart !== undefined && isMap(value) && !value.flow && found.indent === undefined) {
      const first = rangeOf(value.items[0]?.key)?.[0];
      const indent = first !== undefined ? column(text, first) - column(text, keyStart) : 0;
      if (indent >= 1 && indent <= 8) found.indent = indent;
    }
    if (keyStart !== undefined && isSeq(value) && !value.flow && found.indentSeq === undefined) {
      const dash = rangeOf(value)?.[0];
      if (dash !== undefined) found.indentSeq = column(text, dash) > column(text, keyStart);
    }
    if (!isNode(value)) continue;
    visit(value, {
      Scalar: (_k, s) => {
        if (s.type === 'QUOTE_SINGLE') single++;
        if (s.type === 'QUOTE_DOUBLE') double++;
      },
      Node: (_k, n) => {
        const r = rangeOf(n);
        if (found.flowCollectionPadding === undefined && isCollection(n) && n.flow && n.items.length > 0 && r) {
          found.flowCollectionPadding = text[r[0] + 1] === ' ';
        }
      },
    });
  }
  if (single + double > 0) found.singleQuote = single >= double;
  return found;
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line that holds `offset` (itself if it starts a line). */
export function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** The source range of a parsed node, if it has one. */
export function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return isNode(node) && node.range ? node.range : undefined;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/**
 * Stringifies for PyYAML, which `yaml` does not fully cover: PyYAML rejects raw DEL and C1 control
 * characters and, in YAML 1.1, reads NEL/LS/PS as line breaks, so strings holding them are written
 * double-quoted with escapes; a plain `=` or `<<` value is a PyYAML tag (value, merge) that
 * SafeLoader cannot construct.
 */
export function stringifyForQuay(doc: Document, style: RenderStyle): string {
  visit(doc, {
    Scalar: (_k, s) => {
      if (typeof s.value !== 'string') return;
      if (RAW_UNSAFE.test(s.value)) s.type = 'QUOTE_DOUBLE';
      else if ((s.value === '=' || s.value === '<<') && s.type !== 'QUOTE_DOUBLE') s.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString(stringifyOptions(style)).replace(RAW_UNSAFE_ALL, escapeChar);
}

const RAW_UNSAFE = /[\x7f-\x9f\u2028\u2029]/;
const RAW_UNSAFE_ALL = new RegExp(RAW_UNSAFE.source, 'g');

function escapeChar(c: string): string {
  if (c === '\x85') return '\\N';
  if (c === '\u2028') return '\\L';
  if (c === '\u2029') return '\\P';
  return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

function stringifyOptions(style: RenderStyle) {
  return {
    indent: style.indent,
    indentSeq: style.indentSeq,
    singleQuote: style.singleQuote,
    flowCollectionPadding: style.flowCollectionPadding,
    // No folding: long URIs and base64 values stay on one line, as administrators write them.
    lineWidth: 0,
    minContentWidth: 0,
  };
}
