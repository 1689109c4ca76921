import type { FieldSpec } from './field-spec';
import { schemaEnum, schemaItems, schemaProperties, schemaTypes } from './schema-node';
import { isSecretKeyName } from '@/lib/config/redact';

/**
 * Every widget the renderer knows. Closed on purpose: `schema-field.tsx` switches over it
 * exhaustively, so a new kind without a widget is a compile error, not a blank field.
 */
export type WidgetKind =
  | 'text'
  | 'password'
  | 'textarea'
  | 'number'
  | 'switch'
  | 'select'
  | 'string-list'
  | 'contacts'
  | 'object'
  | 'endpoint-kind'
  | 'json'
  | 'file'
  | 'db-uri'
  | 'tls-mode'
  | 'secret-key'
  | 'storage'
  | 'oidc-providers'
  | 'other-keys';

/** Widget hints the UI metadata may give, by name. */
const HINTS: Record<string, WidgetKind> = {
  text: 'text',
  string: 'text',
  url: 'text',
  hostname: 'text',
  email: 'text',
  password: 'password',
  secret: 'password',
  textarea: 'textarea',
  number: 'number',
  integer: 'number',
  switch: 'switch',
  boolean: 'switch',
  checkbox: 'switch',
  select: 'select',
  enum: 'select',
  list: 'string-list',
  'string-list': 'string-list',
  contacts: 'contacts',
  'contact-list': 'contacts',
  object: 'object',
  'endpoint-kind': 'endpoint-kind',
  json: 'json',
  yaml: 'json',
  map: 'json',
  file: 'file',
  certificate: 'file',
  'public-key': 'file',
  'db-uri': 'db-uri',
  'tls-mode': 'tls-mode',
  'secret-key': 'secret-key',
  storage: 'storage',
  'storage-locations': 'storage',
  'oidc-providers': 'oidc-providers',
  'other-keys': 'other-keys',
};

/** Keys whose widget is fixed whatever the metadata says: composites that own several keys. */
const BY_KEY: Record<string, WidgetKind> = {
  DB_URI: 'db-uri',
  DISTRIBUTED_STORAGE_CONFIG: 'storage',
  CONTACT_INFO: 'contacts',
  SECRET_KEY: 'secret-key',
  DATABASE_SECRET_KEY: 'secret-key',
  GITHUB_LOGIN_CONFIG: 'endpoint-kind',
  GITHUB_TRIGGER_CONFIG: 'endpoint-kind',
  GITLAB_TRIGGER_CONFIG: 'endpoint-kind',
};

/**
 * Picks the widget of a field: a composite bound to the key first, then the metadata hint, then
 * the schema (enum → select, boolean → switch, number → number, list of strings → string list,
 * object with properties → nested fields, free-form object → YAML/JSON text, secret → password).
 */
export function widgetFor(spec: FieldSpec): WidgetKind {
  if (spec.path === spec.key && BY_KEY[spec.key]) return BY_KEY[spec.key] as WidgetKind;
  const hint = spec.ui.widget ? HINTS[spec.ui.widget] : undefined;
  if (hint === 'text' && spec.ui.secret) return 'password';
  if (hint) return hint;
  const types = schemaTypes(spec.schema);
  if (schemaEnum(spec.schema)?.length) return 'select';
  if (types.length === 1 && types[0] === 'boolean') return 'switch';
  if (types.length >= 1 && types.every((t) => t === 'number' || t === 'integer')) return 'number';
  if (types.length === 1 && types[0] === 'array') {
    const items = schemaItems(spec.schema);
    return items && schemaTypes(items).every((t) => t === 'string') && !schemaEnum(items) ? 'string-list' : 'json';
  }
  if (types.length === 1 && types[0] === 'object') {
    return Object.keys(schemaProperties(spec.schema)).length > 0 ? 'object' : 'json';
  }
  if (types.includes('object') || types.includes('array')) return 'json';
  const name = spec.path.split('.').pop() ?? spec.path;
  if (spec.ui.secret ?? isSecretKeyName(name)) return 'password';
  return 'text';
}
