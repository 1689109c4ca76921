/**
 * Server-side: builds the `FormModel` from the schema and the UI metadata. Imported only by the
 * editor page (a server component); it reads the field-group registry, which is server code.
 */
import { isObject } from '@/lib/config/values';
import { configSchema, keySchema, storageEngineSchemas } from '@/lib/schema/schema';
import { UI_SECTIONS, storageEngineNames, storageEngineUi, uiKeys } from '@/lib/fieldgroups/ui-keys';
import { uiKeyPatterns, uiMetaFor } from '@/lib/schema/ui-meta';
import { ownerOfKey } from '@/lib/fieldgroups/index';
import type { FieldGroupId } from '@/lib/report/types';
import type { SchemaNode } from '@/components/form/schema-node';
import type { FormModel, ModelKey, ModelSection } from './form-model';

/** Schema keywords the renderer and its widgets read; the rest stays on the server. */
const KEEP = ['type', 'enum', 'pattern', 'format', 'minimum', 'maximum', 'required', 'x-example', 'title', 'const'];

function trim(node: unknown, withDescription: boolean): SchemaNode {
  if (!isObject(node)) return {};
  const out: SchemaNode = {};
  for (const k of KEEP) if (node[k] !== undefined) out[k] = node[k];
  if (withDescription && typeof node.description === 'string') out.description = node.description;
  if (isObject(node.properties)) {
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, trim(v, true)]));
  }
  if (isObject(node.items)) out.items = trim(node.items, false);
  return out;
}

/** Groups checked when validating a section beyond the owners of its keys (files, secrets). */
const EXTRA_GROUPS: Record<string, FieldGroupId[]> = {
  'server-tls': ['CACertificates'],
  oidc: ['OIDC'],
  authentication: ['LDAP', 'Keystone', 'JWTAuthentication'],
};

/**
 * Keys Quay cannot start without: upstream's schema `required` list (the repaired schema leaves
 * presence to the field groups' rules, which report it; this only drives the "Required" mark).
 */
const QUAY_REQUIRED = [
  'PREFERRED_URL_SCHEME',
  'SERVER_HOSTNAME',
  'DB_URI',
  'AUTHENTICATION_TYPE',
  'DISTRIBUTED_STORAGE_CONFIG',
  'BUILDLOGS_REDIS',
  'USER_EVENTS_REDIS',
  'DISTRIBUTED_STORAGE_PREFERENCE',
  'DEFAULT_TAG_EXPIRATION',
  'TAG_EXPIRATION_OPTIONS',
  'SECRET_KEY',
  'DATABASE_SECRET_KEY',
];

/** The form model of the whole schema: sections with their groups, keys in order, OIDC pattern, storage engines. */
export function buildFormModel(): FormModel {
  const declared = Array.isArray(configSchema.required) ? configSchema.required.filter((k): k is string => typeof k === 'string') : [];
  const required = new Set([...declared, ...QUAY_REQUIRED]);
  const keys: ModelKey[] = uiKeys().map((k) => ({
    key: k.key,
    section: k.section,
    group: k.group,
    required: required.has(k.key),
    ui: {
      title: k.title,
      widget: k.widget,
      order: k.order,
      help: k.help,
      placeholder: k.placeholder,
      secret: k.secret,
      default: k.default,
      showIf: k.showIf,
      advanced: k.advanced,
      deprecated: k.deprecated,
      fields: k.fields,
    },
    schema: trim(keySchema(k.key), false),
  }));

  const sections: ModelSection[] = UI_SECTIONS.map((s) => {
    const owners = new Set<FieldGroupId>(keys.filter((k) => k.section === s.id).map((k) => k.group));
    for (const g of EXTRA_GROUPS[s.id] ?? []) owners.add(g);
    // The Schema group checks the whole config: only sections with nothing else validate it.
    if (owners.size > 1) owners.delete('Schema');
    if (owners.size === 0) owners.add('Schema');
    return { id: s.id, title: s.title, description: s.description, groups: [...owners] };
  });

  const pattern = uiKeyPatterns[0];
  const sample = 'PROVIDER_LOGIN_CONFIG';
  const oidcUi = pattern ? uiMetaFor(sample) : undefined;
  const oidc =
    pattern && oidcUi
      ? {
          pattern,
          key: {
            key: sample,
            section: oidcUi.section,
            group: ownerOfKey(sample) ?? 'OIDC',
            required: false,
            ui: { title: oidcUi.title, widget: oidcUi.widget, order: oidcUi.order, help: oidcUi.help, fields: oidcUi.fields },
            schema: trim(keySchema(sample), false),
          },
        }
      : null;

  const engineSchemas = storageEngineSchemas();
  const storageEngines: FormModel['storageEngines'] = {};
  for (const name of storageEngineNames) {
    const ui = storageEngineUi(name);
    storageEngines[name] = { title: ui?.title ?? name, schema: trim(engineSchemas[name], true), fields: ui?.fields ?? {} };
  }
  return { sections, keys, oidc, storageEngines };
}
