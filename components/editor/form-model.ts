/**
 * What the editor renders from: the sections, every key with its UI metadata, owning field group
 * and (trimmed) schema, the OIDC key pattern and the storage engines. Built on the server from
 * `schema/config.schema.json` + `schema/ui.json` (build-form-model.ts) and passed as props, so the
 * browser does not fetch or parse the full schema before the first paint.
 */
import type { FieldGroupId } from '@/lib/report/types';
import type { SchemaNode } from '@/components/form/schema-node';
import type { ShowIf } from '@/components/form/show-if';

/** Presentation of a key or nested field (ui.json's shape). */
export interface ModelUi {
  title: string;
  widget: string;
  order: number;
  help?: string;
  placeholder?: string;
  secret?: boolean;
  default?: unknown;
  showIf?: ModelShowIf;
  advanced?: boolean;
  deprecated?: boolean;
  fields?: Record<string, ModelUi>;
}

/** When a field applies (see components/form/show-if.ts). */
export type ModelShowIf = ShowIf;

/** One top-level key: where it is shown, which group validates it, how it is rendered. */
export interface ModelKey {
  key: string;
  section: string;
  group: FieldGroupId;
  required: boolean;
  ui: ModelUi;
  schema: SchemaNode;
}

/** One wizard section (sidebar entry). */
export interface ModelSection {
  id: string;
  title: string;
  description: string;
  /** Field groups validated by "Validate section". */
  groups: FieldGroupId[];
}

/** Everything the editor renders from (see the module comment). */
export interface FormModel {
  sections: ModelSection[];
  /** Every key the schema and ui.json describe, in display order. */
  keys: ModelKey[];
  /** The `<ID>_LOGIN_CONFIG` OIDC providers: regex source and the metadata every provider shares. */
  oidc: { pattern: string; key: ModelKey } | null;
  storageEngines: Record<string, { title: string; schema: SchemaNode; fields: Record<string, ModelUi> }>;
}
