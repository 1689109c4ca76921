import { explainYamlError } from './yaml-errors';
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Tags } from 'yaml';
import { warning } from '../report/findings';
import type { Finding } from '../report/types';
import { isObject, type ConfigMap } from './values';

/** Most aliases a config.yaml may expand (YAML "billion laughs" protection). */
export const MAX_YAML_ALIASES = 100;

/** YAML tags that PyYAML's safe_load would turn into non-JSON values: reported, never resolved. */
const UNSUPPORTED_TAGS = new Set(['timestamp', 'binary', 'set', 'omap', 'pairs'].map((t) => `tag:yaml.org,2002:${t}`));

/**
 * Characters PyYAML's reader refuses ("unacceptable character … special characters are not
 * allowed"): Quay would not start with them in config.yaml, so neither may they load here.
 */
// eslint-disable-next-line no-control-regex -- PyYAML's printable set names control characters (tab, LF, CR)
const NON_PRINTABLE = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** PyYAML's booleans: unlike the YAML 1.1 spec (and the `yaml` package), `y`/`n` stay strings. */
const PYYAML_TRUE = /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const PYYAML_FALSE = /^(?:[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;

/** The YAML 1.1 tags as PyYAML's SafeLoader resolves them. */
const pyYamlTags = (tags: Tags): Tags =>
  tags
    .filter((t) => typeof t === 'string' || !UNSUPPORTED_TAGS.has(t.tag))
    .map((t) => {
      if (typeof t === 'string' || t.tag !== 'tag:yaml.org,2002:bool' || !('test' in t) || !t.test) return t;
      return { ...t, test: t.test.source.includes('[Tt]rue') ? PYYAML_TRUE : PYYAML_FALSE };
    });

export type LoadedConfig = { ok: true; doc: Document; config: ConfigMap; findings: Finding[] } | { ok: false; error: string };

/**
 * Parses `config.yaml` the way Quay does (PyYAML `safe_load`, YAML 1.1: `yes` is a boolean, `0777`
 * octal, merge keys work) into a plain JSON-compatible map, keeping the YAML document for
 * comment- and order-preserving edits. Unreadable input is an error naming the line; duplicate
 * keys are reported as findings (Quay silently takes the last one).
 */
export function loadConfigYaml(input: string | Uint8Array, name = 'config.yaml'): LoadedConfig {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    // PyYAML reads UTF-16 too when the file starts with its byte-order mark.
    const encoding = input[0] === 0xff && input[1] === 0xfe ? 'utf-16le' : input[0] === 0xfe && input[1] === 0xff ? 'utf-16be' : 'utf-8';
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(input);
    } catch {
      return {
        ok: false,
        error: encoding === 'utf-8' ? `${name} is not valid UTF-8 (at byte ${firstBadUtf8Byte(input)})` : `${name} is not valid ${encoding.toUpperCase()}`,
      };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, error: `${name} is empty` };
  const bad = NON_PRINTABLE.exec(text);
  if (bad) {
    const before = text.slice(0, bad.index);
    const line = before.split('\n').length;
    const col = bad.index - before.lastIndexOf('\n');
    const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, error: `${name} contains the character U+${code}, which YAML does not allow (line ${line}, column ${col}); Quay would refuse to load it` };
  }

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, {
      version: '1.1',
      uniqueKeys: false,
      lineCounter,
      prettyErrors: false,
      // Problems are returned, not printed: the library's own warnings would go to stderr.
      logLevel: 'error',
      customTags: pyYamlTags,
    });
  } catch (e) {
    // The parser recurses per nesting level; a document thousands of levels deep overflows it.
    if (e instanceof RangeError) return { ok: false, error: `${name} is nested too deeply to be a Quay config` };
    throw e;
  }
  const where = (pos: readonly number[] | undefined) => {
    const at = pos ? lineCounter.linePos(pos[0] ?? 0) : undefined;
    return at ? `line ${at.line}, column ${at.col}` : 'unknown position';
  };
  const firstError = doc.errors[0];
  if (firstError) {
    if (/Maximum call stack/i.test(firstError.message)) return { ok: false, error: `${name} is nested too deeply to be a Quay config` };
    const at = lineCounter.linePos(firstError.pos[0] ?? 0);
    const explained = explainYamlError({ code: firstError.code, message: firstError.message, line: at.line, col: at.col }, text);
    return { ok: false, error: `${name} is not valid YAML at line ${at.line}, column ${at.col}: ${explained}` };
  }
  const badTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (badTag) {
    return { ok: false, error: `${name} uses a YAML tag Quay cannot load: ${firstLine(badTag.message)} (${where(badTag.pos)})` };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, error: `${name} is empty` };
  }
  if (!isMap(doc.contents)) {
    return { ok: false, error: `${name} must be a mapping of keys to values (KEY: value), not a ${describeNode(doc.contents)}` };
  }

  let value: unknown;
  try {
    value = exactIntegers(text, lineCounter) ?? doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `${name} could not be loaded: ${firstLine(msg)}` };
  }
  if (!isObject(value)) return { ok: false, error: `${name} must be a mapping of keys to values` };
  const nesting = nestingProblem(value, name, MAX_EXPANDED_CONFIG_CHARS);
  if (nesting) return { ok: false, error: nesting };

  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = isScalar(pair.key) && pair.key.range ? lineCounter.linePos(pair.key.range[0]).line : 0;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(
        warning(key, `${key} is defined twice in ${name} (lines ${first} and ${line}); Quay uses the last one`, {
          code: 'duplicate-key',
          hint: `remove one of the two ${key} entries`,
        }),
      );
    } else {
      seen.set(key, line);
    }
  }
  return { ok: true, doc, config: value, findings };
}

/** Loads a config that arrived as JSON (API bodies): the same checks on the shape. */
export function configFromJson(value: unknown): { ok: true; config: ConfigMap } | { ok: false; error: string } {
  if (!isObject(value)) {
    return { ok: false, error: `"config.yaml" must be an object of keys to values, not ${Array.isArray(value) ? 'an array' : typeof value}` };
  }
  const nesting = nestingProblem(value, '"config.yaml"');
  if (nesting) return { ok: false, error: nesting };
  return { ok: true, config: value };
}

/** Deepest nesting a config may have; Quay's own keys go about 5 levels down. */
export const MAX_CONFIG_DEPTH = 64;

/**
 * Most characters (keys and scalars) a YAML config may expand to. Aliases repeat their anchor
 * without counting its size: 100 aliases of a 4 MiB string made a 424 MB bundle/parse reply.
 */
export const MAX_EXPANDED_CONFIG_CHARS = 10 * 1024 * 1024;

/**
 * A recursive config (an alias inside its own anchor, which PyYAML builds as a cyclic list) or an
 * absurdly deep one cannot be serialised, shown or written back: every later step would overflow
 * the stack. With `maxChars`, a config that aliases expand past that size is refused too. Returns
 * what is wrong, naming the key path, or null.
 */
function nestingProblem(config: ConfigMap, name: string, maxChars = Infinity): string | null {
  const ancestors = new Set<object>();
  const path: string[] = [];
  const where = () => path.join('').replace(/^\./, '');
  let chars = 0;
  const visit = (v: unknown): string | null => {
    chars += (typeof v === 'string' ? v.length : 0) + (path.at(-1)?.length ?? 0) + 1;
    if (chars > maxChars) return `${name} expands to more than ${maxChars / 1024 / 1024} MiB through its aliases (a YAML alias bomb?)`;
    if (typeof v !== 'object' || v === null) return null;
    if (ancestors.has(v)) return `${name} is recursive: ${where()} contains itself (an alias inside its own anchor)`;
    if (path.length > MAX_CONFIG_DEPTH) return `${name} is nested more than ${MAX_CONFIG_DEPTH} levels deep (at ${where().slice(0, 300)}…)`;
    ancestors.add(v);
    const entries: Array<[string, unknown]> = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.entries(v).map(([k, x]) => [`.${k.slice(0, 100)}`, x]);
    for (const [step, child] of entries) {
      path.push(step);
      const problem = visit(child);
      path.pop();
      if (problem) return problem;
    }
    ancestors.delete(v);
    return null;
  };
  return visit(config);
}

/**
 * The plain value with integers beyond 2^53 kept exact as decimal strings, or undefined when the
 * document has none. The old config tools wrote 78-digit decimal SECRET_KEYs; as JS numbers they
 * would lose digits and a round trip through the wizard would silently change the key. Quay reads
 * either form the same way (`int(key).to_bytes(32, "big")`).
 */
function exactIntegers(text: string, lineCounter: LineCounter): unknown {
  if (!/\d{16,}/.test(text)) return undefined;
  const big = parseDocument(text, {
    version: '1.1',
    uniqueKeys: false,
    lineCounter,
    intAsBigInt: true,
    customTags: pyYamlTags,
  });
  let unsafe = false;
  const value: unknown = big.toJS({
    maxAliasCount: MAX_YAML_ALIASES,
    reviver: (_key, v) => {
      if (typeof v !== 'bigint') return v;
      const n = Number(v);
      if (Number.isSafeInteger(n)) return n;
      unsafe = true;
      return v.toString();
    },
  });
  return unsafe ? value : undefined;
}

function firstLine(s: string): string {
  return s.split('\n')[0]?.trim() ?? s;
}

function describeNode(node: unknown): string {
  if (isScalar(node)) return typeof node.value === 'string' ? 'string' : typeof node.value;
  return 'list';
}

function firstBadUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
