import { isMap, type Document } from 'yaml';
import { deepEqual, keepBigIntegersExact, patchNode } from './edit-patch';
import { DEFAULT_STYLE, RENDER_OPTIONS, detectStyle, renderFresh, stringifyForQuay } from './edit-render';
import { spliceConfigYaml } from './edit-splice';
import { loadConfigYaml } from './load';
import { isObject, type ConfigMap } from './values';

/**
 * Renders `updated` as `config.yaml`, preserving the administrator's file: an unchanged config
 * comes back byte for byte; otherwise only the changed top-level keys are rewritten (with the
 * comments inside them), removed keys are cut out, new keys are appended, and everything else is
 * copied as is. With no original, a fresh block-style document. The result always loads back
 * (YAML 1.1, as Quay reads it) to exactly `updated`.
 */
export function renderConfigYaml(original: { text: string; doc: Document } | null, updated: ConfigMap): string {
  const next = jsonClone(updated);
  if (!original) return renderFresh(next);
  const bom = original.text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = original.text.slice(bom.length);
  // The text is re-parsed rather than trusting `doc`'s offsets: splicing needs ranges that match
  // this exact text, and a private copy that can be patched without touching the caller's.
  const loaded = loadConfigYaml(text);
  if (loaded.ok && deepEqual(loaded.config, next)) return original.text;

  // From the most faithful strategy to the plainest; the first whose output loads back to exactly
  // `updated` wins, so a layout one strategy mishandles can cost formatting, never correctness.
  const splice = (scalarEdits: boolean) => () => {
    const fresh = loadConfigYaml(text);
    if (!fresh.ok) return null;
    keepBigIntegersExact(fresh.doc);
    return spliceConfigYaml(text, fresh.doc, fresh.config, next, { scalarEdits });
  };
  const candidates: Array<() => string | null> = [splice(true), splice(false), () => patchWholeDocument(text, loaded.ok ? null : original.doc, next)];
  for (const candidate of candidates) {
    const out = safely(candidate);
    if (out !== null && loadsAs(out, next)) return bom + out;
  }
  return renderFresh(next);
}

/** Second choice: patch the whole document tree and let `yaml` print it (comments kept, layout not). */
function patchWholeDocument(text: string, fallbackDoc: Document | null, next: ConfigMap): string | null {
  const reparsed = loadConfigYaml(text);
  const doc = reparsed.ok ? reparsed.doc : fallbackDoc?.clone();
  if (!doc || !isMap(doc.contents)) return null;
  keepBigIntegersExact(doc);
  const style = { ...DEFAULT_STYLE, ...detectStyle(text, doc.contents.items) };
  doc.contents = patchNode(doc, doc.contents, next);
  // The full YAML 1.1 schema (with timestamps) decides which strings need quotes, as PyYAML would.
  doc.setSchema('1.1', { customTags: RENDER_OPTIONS.customTags });
  return stringifyForQuay(doc, style);
}

function loadsAs(text: string, expected: ConfigMap): boolean {
  const loaded = loadConfigYaml(text);
  return loaded.ok && deepEqual(loaded.config, expected);
}

function safely(f: () => string | null): string | null {
  try {
    return f();
  } catch {
    // A layout the splicer did not foresee: the next, plainer strategy takes over.
    return null;
  }
}

/** A JSON-shaped copy: undefined members dropped (as JSON would), so comparisons and output agree. */
function jsonClone(value: ConfigMap): ConfigMap {
  const clone = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : clone(x)));
    return isObject(v) ? cloneMap(v) : v;
  };
  const cloneMap = (m: Record<string, unknown>): ConfigMap =>
    Object.fromEntries(
      Object.entries(m)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, clone(x)]),
    );
  return cloneMap(value);
}
