import type { SchemaNode } from './schema-node';
import { schemaString, titleFromKey } from './schema-node';

/** What the UI metadata says about one field, resolved (title always present). */
export interface FieldUi {
  title: string;
  help?: string;
  /** Widget hint from the UI metadata (`textarea`, `password`, …) or a composite name. */
  widget?: string;
  secret?: boolean;
  placeholder?: string;
  /** Quay's default when the key is absent (shown, never written). */
  defaultValue?: unknown;
  advanced?: boolean;
}

/**
 * One renderable field. `path` is the key path findings use (`BUILDLOGS_REDIS.host`); for keys and
 * nested object properties it is also the react-hook-form field name.
 */
export interface FieldSpec {
  path: string;
  /** react-hook-form name when it differs from `path` (array items: `X.default.1.s3_bucket`). */
  name?: string;
  /** Top-level config key (decides read-only groups and the section). */
  key: string;
  schema: SchemaNode;
  ui: FieldUi;
  required: boolean;
}

/** The spec of a property nested in an object field, with UI text taken from the schema. */
export function childSpec(parent: FieldSpec, name: string, schema: SchemaNode, required: boolean, ui?: Partial<FieldUi>): FieldSpec {
  return {
    path: `${parent.path}.${name}`,
    name: parent.name ? `${parent.name}.${name}` : undefined,
    key: parent.key,
    schema,
    required,
    ui: {
      ...ui,
      title: ui?.title ?? schemaString(schema, 'title') ?? titleFromKey(name),
      help: ui?.help ?? schemaString(schema, 'description'),
    },
  };
}

/** A DOM id for a key path (ids cannot hold dots or brackets usefully in CSS selectors). */
export function inputIdFor(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
