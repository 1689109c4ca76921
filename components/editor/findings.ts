/**
 * Where findings are shown. A finding names key paths (`BUILDLOGS_REDIS.password`); it is shown at
 * the rendered field with that path, else at the nearest rendered ancestor (a location card, an
 * object), else in its section's group-level list. Its section is that of the key it names, or of
 * its field group when it names none.
 */
import type { FieldSpec } from '@/components/form/field-spec';
import { dbUriHasParts } from '@/components/form/db-uri';
import { schemaProperties } from '@/components/form/schema-node';
import type { Finding } from '@/lib/report/types';
import type { FormModel } from './form-model';
import { FOLDED_KEYS } from './section-specs';

/** A finding with the group that reported it (the report nests findings under groups). */
export interface GroupFinding extends Finding {
  group: string;
  /** `client` for the as-you-type schema check, `server` for the API's report. */
  source: 'client' | 'server';
}

/** The parent of a key path: `A.b[1].c` → `A.b[1]` → `A.b` → `A`; null at the top. */
export function parentPath(path: string): string | null {
  const m = /^(.*)(\.[^.[\]]+|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(path);
  return m && m[1] ? m[1] : null;
}

/** The top-level key of a path. */
export function topKey(path: string): string {
  const m = /^[^.[]+/.exec(path);
  return m ? m[0] : path;
}

/** Every path a section renders a row for, including nested object properties and storage locations. */
export function renderedPaths(specs: readonly FieldSpec[], values: Record<string, unknown>, model: FormModel): Set<string> {
  const out = new Set<string>();
  const walk = (path: string, schema: Record<string, unknown>) => {
    out.add(path);
    for (const [name, child] of Object.entries(schemaProperties(schema))) walk(`${path}.${name}`, child);
  };
  for (const spec of specs) {
    walk(spec.path, spec.schema);
    // The DB_URI widget edits the URI as parts; its password input takes failed logins.
    if (spec.key === 'DB_URI' && dbUriHasParts(values.DB_URI)) out.add(`${spec.path}.password`);
    if (spec.key === 'DISTRIBUTED_STORAGE_CONFIG') {
      const config = values.DISTRIBUTED_STORAGE_CONFIG;
      for (const [id, pair] of Object.entries(typeof config === 'object' && config ? config : {})) {
        out.add(`${spec.path}.${id}`);
        const engine = Array.isArray(pair) && typeof pair[0] === 'string' ? model.storageEngines[pair[0]] : undefined;
        for (const name of Object.keys(engine ? schemaProperties(engine.schema) : {})) out.add(`${spec.path}.${id}[1].${name}`);
      }
    }
    if (spec.path === '@oidc' && model.oidc) {
      const re = new RegExp(model.oidc.pattern, 'u');
      for (const key of Object.keys(values)) if (re.test(key)) walk(key, model.oidc.key.schema);
    }
  }
  return out;
}

/** The rendered path a finding belongs at, or null when no row of this section matches. */
export function targetOf(finding: { readonly fields: readonly string[]; readonly stage?: string }, paths: ReadonlySet<string>, extraKeys: ReadonlySet<string> = new Set()): string | null {
  for (const field of finding.fields) {
    const folded = FOLDED_KEYS[topKey(field)];
    for (let p: string | null = folded ?? field; p; p = parentPath(p)) {
      if (paths.has(p)) return credentialOf(finding, p, paths);
      if (extraKeys.has(p) && paths.has('@other-keys')) return p;
    }
  }
  return null;
}

/**
 * A failed login (`stage: auth`) reported on a whole connection (`BUILDLOGS_REDIS`) is shown at
 * its password field: that is what the administrator has to look at and fix.
 */
function credentialOf(finding: { readonly stage?: string }, path: string, paths: ReadonlySet<string>): string {
  if (finding.stage !== 'auth') return path;
  const credential = ['password', 'passwd', 'PASSWORD'].map((n) => `${path}.${n}`).find((p) => paths.has(p));
  return credential ?? path;
}

/** Findings grouped by the rendered path they are shown at, plus those that match no row. */
export function placeFindings(findings: readonly GroupFinding[], paths: ReadonlySet<string>, extraKeys: ReadonlySet<string>) {
  const at = new Map<string, GroupFinding[]>();
  const unplaced: GroupFinding[] = [];
  for (const f of findings) {
    const t = targetOf(f, paths, extraKeys);
    if (t === null) unplaced.push(f);
    else at.set(t, [...(at.get(t) ?? []), f]);
  }
  return { at, unplaced };
}

/** Files of the bundle and the section that edits them. */
const FILE_SECTIONS: [RegExp, string][] = [
  [/^(ssl\.cert|ssl\.key|extra_ca_certs\/.*|extra_ca_cert_.*)$/, 'server-tls'],
  [/^database\.pem$/, 'database'],
  [/^ldap\.crt$/, 'ldap'],
  [/^jwt-authn\.cert$/, 'jwt'],
];

/** How Quay's config keys are spelled (a bundle file name such as `ssl.cert` is not one). */
const CONFIG_KEY = /^[A-Z][A-Z0-9_]*$/;

/** The section a finding is listed in. */
export function homeSection(f: GroupFinding, model: FormModel, sectionOfKey: ReadonlyMap<string, string>): string {
  const field = f.fields[0];
  if (field) {
    for (const [re, section] of FILE_SECTIONS) if (re.test(field)) return section;
    const key = topKey(field);
    const direct = sectionOfKey.get(FOLDED_KEYS[key] ?? key);
    if (direct) return direct;
    if (model.oidc && new RegExp(model.oidc.pattern, 'u').test(key)) return 'oidc';
    // A key the schema does not know is edited under "Keys outside the schema", not in the
    // section of the group that reported it (the Schema group's first section is "Features").
    if (CONFIG_KEY.test(key)) return 'advanced';
  }
  const byGroup = model.sections.find((s) => s.groups.includes(f.group as never));
  return byGroup?.id ?? 'advanced';
}

/** Flattens a report's groups into findings tagged with their group. */
export function flattenGroups(groups: readonly { group: string; findings: readonly Finding[] }[]): GroupFinding[] {
  return groups.flatMap((g) => g.findings.map((f) => ({ ...f, group: g.group, source: 'server' as const })));
}

/**
 * One finding per key and problem, the first one kept (callers put the server's first: its
 * severity follows the chosen Quay release). The server reports a type error in the
 * group that owns the key (Redis), the as-you-type check in Schema: same keys, same message.
 */
export function uniqueFindings(findings: readonly GroupFinding[]): GroupFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = `${f.fields.join('\u0001')}\u0000${f.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
