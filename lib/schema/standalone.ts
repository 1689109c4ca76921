import { createHash } from 'node:crypto';
import standaloneCode from 'ajv/dist/standalone';
import { isObject } from '../config/values';
import { configSchema, type SchemaNode } from './schema';
import { newConfigAjv } from './validator';

/**
 * The source of an ES module that replaces `precompiled-validator.ts` in the CLI bundle: ajv's
 * standalone code for `schema` (compiled with the same options as at run time), exporting
 * `precompiledValidator`, which knows the SHA-256 of the schema it was made from, so that a bundle
 * whose schema changed falls back to compiling instead of using an old validator. Compiling costs
 * ≈250 ms at every CLI start; this moves it to the build.
 */
export function standaloneValidatorModule(schema: SchemaNode = configSchema): string {
  const ajv = newConfigAjv({ code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  return [
    "import { createHash } from 'node:crypto';",
    "import { configSchema as __schema } from './schema';",
    // ajv's ESM output still require()s its runtime helpers (ucs2length, …): esbuild bundles those.
    shareSchemaObjects(code, schema),
    `const digest = ${JSON.stringify(schemaDigest(schema))};`,
    // The same computation as schemaDigest below.
    "export const precompiledValidator = { validate, builtFrom: (s) => createHash('sha256').update(JSON.stringify(s)).digest('hex') === digest };",
  ].join('\n');
}

/** SHA-256 of the schema's JSON, as the generated module computes it. */
export function schemaDigest(schema: SchemaNode): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

/**
 * ajv's code embeds a copy of the schema and of each `$ref` target (`const schema11 = {…}`), for the
 * `schema`/`parentSchema` of errors. The bundle already holds the schema: point at it instead
 * (140 KB less to parse at each start, same objects in errors as at run time). Optional chaining, so
 * that a changed schema still loads; `builtFrom` then keeps this validator unused.
 */
function shareSchemaObjects(code: string, schema: SchemaNode): string {
  let out = code;
  for (const pointer of ['', ...refPointers(schema)]) {
    const segments = pointer
      .split('/')
      .slice(1)
      .map((s) => decodeURIComponent(s.replace(/~1/g, '/').replace(/~0/g, '~')));
    const node = segments.reduce<unknown>((n, key) => (isObject(n) ? n[key] : Array.isArray(n) ? n[Number(key)] : undefined), schema);
    if (node === undefined) continue;
    const literal = ` = ${JSON.stringify(node)
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029')};`; // as ajv's codegen writes it
    const at = out.indexOf(literal);
    if (at < 0 || !/const schema\d+$/.test(out.slice(Math.max(0, at - 20), at))) continue;
    const access = segments.map((key) => `?.[${JSON.stringify(key)}]`).join('');
    out = `${out.slice(0, at)} = __schema${access};${out.slice(at + literal.length)}`;
  }
  return out;
}

/** The local `$ref`s of the schema (`#/definitions/…`), without the leading `#`. */
function refPointers(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => refPointers(n, found));
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/')) found.add(v.slice(1));
      else refPointers(v, found);
    }
  }
  return found;
}
