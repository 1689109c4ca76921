#!/usr/bin/env node
// Builds schema/config.schema.json from Quay's upstream schema plus our overlay:
//
//   schema/upstream/quay-config-schema-head.json   verbatim copy of quay/quay util/config/schema.py @ ffba0c70e
//   schema/additions.json                          our fixes and the keys upstream forgets
//   → schema/config.schema.json                    what the runtime loads (committed)
//   → schema/provenance.json                       what was moved, repaired, dropped, replaced and added
//
// Run `node scripts/build-schema.mjs` after editing additions.json; `--check` fails when the committed
// output is stale (CI). The runtime never runs this script and never reads the upstream file.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const schemaDir = path.join(root, 'schema');
const readJson = (name) => JSON.parse(readFileSync(path.join(schemaDir, name), 'utf8'));

/** Keys of the upstream root object that are real schema keywords, not misplaced properties. */
const ROOT_KEYWORDS = new Set(['type', 'description', 'required', 'properties', 'allOf']);
/** Invalid type names upstream uses (Python habits); they fail the Draft-7 meta-schema. */
const TYPE_FIXES = { int: 'integer', str: 'string' };

const clone = (value) => structuredClone(value);
const isPlainObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Repairs one upstream property schema in place and records what changed. `required` is dropped at
 * every nested level: real bundles violate it (GITHUB_LOGIN_CONFIG: {} written by the old UI,
 * DB_CONNECTION_ARGS without threadlocals/autorollback) and the field groups decide what is required
 * once a feature is on.
 */
function repair(node, where, log) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => repair(item, `${where}[${i}]`, log));
    return;
  }
  if (!isPlainObject(node)) return;
  for (const [wrong, right] of Object.entries(TYPE_FIXES)) {
    if (node.type === wrong) {
      node.type = right;
      log.typeNamesFixed.push(`${where}: ${wrong} → ${right}`);
    }
  }
  if ('required' in node) {
    if (Array.isArray(node.required) && node.required.length > 0) {
      log.nestedRequiredDropped.push(`${where}: [${node.required.join(', ')}]`);
    }
    delete node.required;
  }
  // DISTRIBUTED_STORAGE_PREFERENCE & co. put uniqueItems on the string items, where it means nothing.
  if (isPlainObject(node.items) && node.items.type !== 'array' && 'uniqueItems' in node.items) {
    delete node.items.uniqueItems;
    node.uniqueItems = true;
    log.misplacedKeywordsMoved.push(`${where}.items.uniqueItems → ${where}.uniqueItems`);
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'x-example' || key === 'default' || key === 'enum' || key === 'const') continue;
    repair(child, key === 'properties' ? where : `${where}.${key}`, log);
  }
}

/** Deep merge for patches: objects merge key by key, anything else replaces, null deletes. */
function merge(target, patch) {
  const out = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = merge(out[key], value);
    else out[key] = clone(value);
  }
  return out;
}

/**
 * Inlines `$ref`s to shared definitions so that every top-level property is self-contained for the
 * wizard; only the per-engine storage schemas stay referenced (they are looked up by engine name).
 */
function inlineRefs(node, definitions, depth = 0) {
  if (depth > 50) throw new Error('$ref cycle while inlining');
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, definitions, depth + 1));
  if (!isPlainObject(node)) return node;
  let out = node;
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#/definitions/storageEngines/')) {
    const name = node.$ref.replace('#/definitions/', '');
    const target = definitions[name];
    if (!target) throw new Error(`unknown $ref ${node.$ref}`);
    const { $ref: _ref, ...siblings } = node;
    out = { ...clone(target), ...siblings };
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, k === 'x-example' ? v : inlineRefs(v, definitions, depth + 1)]));
}

function build() {
  const upstream = readJson('upstream/quay-config-schema-head.json');
  const additions = readJson('additions.json');
  const log = {
    movedFromRoot: [],
    duplicateRootEntriesIgnored: [],
    typeNamesFixed: [],
    nestedRequiredDropped: [],
    misplacedKeywordsMoved: [],
    topLevelRequiredDropped: upstream.required ?? [],
    patched: [],
    replaced: [],
    added: [],
  };

  const properties = clone(upstream.properties);
  for (const [key, value] of Object.entries(upstream)) {
    if (ROOT_KEYWORDS.has(key)) continue;
    if (key in properties) log.duplicateRootEntriesIgnored.push(key);
    else {
      properties[key] = clone(value);
      log.movedFromRoot.push(key);
    }
  }
  for (const [key, value] of Object.entries(properties)) repair(value, key, log);

  for (const [key, patch] of Object.entries(additions.patch ?? {})) {
    if (!(key in properties)) throw new Error(`patch for ${key}, which upstream does not have`);
    properties[key] = merge(properties[key], patch);
    log.patched.push(key);
  }
  for (const [key, value] of Object.entries(additions.properties ?? {})) {
    (key in properties ? log.replaced : log.added).push(key);
    properties[key] = clone(value);
  }

  const definitions = additions.definitions ?? {};
  const allOf = clone(upstream.allOf ?? []).map((rule, i) => merge(rule, additions.allOfPatch?.[i] ?? {}));
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment:
      'Generated by scripts/build-schema.mjs from schema/upstream/quay-config-schema-head.json (quay/quay ffba0c70e, Apache-2.0) and schema/additions.json. Do not edit by hand; see schema/README.md.',
    type: 'object',
    description: upstream.description,
    properties: inlineRefs(properties, definitions),
    patternProperties: inlineRefs(additions.patternProperties ?? {}, definitions),
    // Unknown keys are allowed: the Schema field group reports them as warnings with a suggestion.
    additionalProperties: true,
    allOf,
    definitions: { storageEngines: definitions.storageEngines },
  };
  const counts = {
    upstreamProperties: Object.keys(upstream.properties).length,
    upstreamRootEntries: log.movedFromRoot.length + log.duplicateRootEntriesIgnored.length,
    properties: Object.keys(schema.properties).length,
  };
  return { schema, provenance: { counts, ...log } };
}

const { schema, provenance } = build();
const outputs = {
  'config.schema.json': JSON.stringify(schema, null, 2) + '\n',
  'provenance.json': JSON.stringify(provenance, null, 2) + '\n',
};
if (process.argv.includes('--check')) {
  const stale = Object.entries(outputs).filter(([name, text]) => readFileSync(path.join(schemaDir, name), 'utf8') !== text);
  if (stale.length) {
    console.error(`stale: ${stale.map(([n]) => n).join(', ')}; run node scripts/build-schema.mjs`);
    process.exit(1);
  }
} else {
  for (const [name, text] of Object.entries(outputs)) writeFileSync(path.join(schemaDir, name), text);
  console.log(
    `schema/config.schema.json: ${provenance.counts.properties} properties (upstream ${provenance.counts.upstreamProperties} + ${provenance.movedFromRoot.length} moved from the root + ${provenance.added.length} added)`,
  );
}
