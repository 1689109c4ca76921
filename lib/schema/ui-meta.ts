import { z } from 'zod';
import uiJson from '../../schema/ui.json';
import { schemaDescription } from './schema';

/**
 * UI metadata of the wizard (`schema/ui.json`), kept apart from the data schema as rjsf keeps its
 * uiSchema apart (house-style §12). This module is pure data access and safe in client components;
 * `ui.ts` adds the owning field group, which needs the (server-side) group registry.
 */

/** Widget kinds the form renderer switches on exhaustively. */
export const WIDGETS = ['text', 'password', 'textarea', 'number', 'switch', 'select', 'string-list', 'map', 'object', 'json', 'certificate', 'storage', 'duration'] as const;
/** One of {@link WIDGETS}. */
export type Widget = (typeof WIDGETS)[number];

/** Wizard sections in display order; every key belongs to exactly one. */
export const SECTION_IDS = [
  'server-tls',
  'database',
  'redis',
  'storage',
  'authentication',
  'ldap',
  'keystone',
  'jwt',
  'oidc',
  'external-login',
  'security-scanner',
  'email',
  'action-logs',
  'access',
  'time-machine',
  'repo-mirroring',
  'builds',
  'user-visible',
  'features',
  'advanced',
] as const;
/** One of {@link SECTION_IDS}. */
export type SectionId = (typeof SECTION_IDS)[number];

/** When a field is shown: another key equals a value, is one of several, is (not) truthy, or all of these. */
export type ShowIf = { key: string; equals?: unknown; in?: unknown[]; truthy?: boolean } | { all: ShowIf[] };

/** Presentation of one key or nested field. */
export interface UiField {
  title: string;
  widget: Widget;
  /** Position inside the section (or inside the parent object), ascending. */
  order: number;
  /** Overrides the schema description; the accessor falls back to it. */
  help?: string;
  placeholder?: string;
  /** Masked in the form, never echoed in messages or logs. */
  secret?: boolean;
  /** Quay's own default when the key is absent. */
  default?: unknown;
  showIf?: ShowIf;
  /** Rarely changed: behind an "advanced" toggle. */
  advanced?: boolean;
  /** Removed from current Quay; shown only when present in an uploaded config. */
  deprecated?: boolean;
  /** Nested keys of an object value, e.g. `BUILDLOGS_REDIS.host`. */
  fields?: Record<string, UiField>;
}

/** A top-level key: a field placed in a wizard section. */
export interface UiKey extends UiField {
  section: SectionId;
}

const showIfSchema: z.ZodType<ShowIf> = z.lazy(() =>
  z.union([z.strictObject({ all: z.array(showIfSchema) }), z.strictObject({ key: z.string(), equals: z.unknown().optional(), in: z.array(z.unknown()).optional(), truthy: z.boolean().optional() })]),
);

const fieldShape = {
  title: z.string().min(1),
  widget: z.enum(WIDGETS),
  order: z.number(),
  help: z.string().optional(),
  placeholder: z.string().optional(),
  secret: z.boolean().optional(),
  default: z.unknown().optional(),
  showIf: showIfSchema.optional(),
  advanced: z.boolean().optional(),
  deprecated: z.boolean().optional(),
};
const fieldSchema: z.ZodType<UiField> = z.lazy(() => z.strictObject({ ...fieldShape, fields: z.record(z.string(), fieldSchema).optional() }));

const sectionSchema = z.strictObject({ id: z.enum(SECTION_IDS), title: z.string(), description: z.string() });
const uiFileSchema = z.object({
  sections: z.array(sectionSchema).min(1),
  keys: z.record(z.string(), z.strictObject({ ...fieldShape, section: z.enum(SECTION_IDS), fields: z.record(z.string(), fieldSchema).optional() })),
  patterns: z.record(z.string(), z.strictObject({ ...fieldShape, section: z.enum(SECTION_IDS), fields: z.record(z.string(), fieldSchema).optional() })),
  storageEngines: z.record(z.string(), z.strictObject({ title: z.string(), fields: z.record(z.string(), fieldSchema) })),
});

// Parsed once at load: a malformed ui.json is a programmer error and fails every test at once.
const ui = uiFileSchema.parse(uiJson);

/** A wizard section, in display order. */
export interface UiSection {
  id: SectionId;
  title: string;
  description: string;
}
/** The wizard sections in display order (server-tls … advanced). */
export const UI_SECTIONS: readonly UiSection[] = ui.sections;

const patterns = Object.entries(ui.patterns).map(([source, meta]) => ({ regex: new RegExp(source, 'u'), meta }));

/** Names of every key ui.json describes directly (patterns excluded). */
export const uiKeyNames: readonly string[] = Object.keys(ui.keys);

/** The key patterns ui.json describes (e.g. the OIDC `<ID>_LOGIN_CONFIG` providers), as regex sources. */
export const uiKeyPatterns: readonly string[] = Object.keys(ui.patterns);

/**
 * Metadata of a top-level key (direct, or via a pattern such as `<ID>_LOGIN_CONFIG`), with `help`
 * filled from the schema description when ui.json has none.
 */
export function uiMetaFor(key: string): UiKey | undefined {
  const meta = ui.keys[key] ?? patterns.find((p) => p.regex.test(key))?.meta;
  if (!meta) return undefined;
  const help = meta.help ?? schemaDescription([key]);
  return help === undefined ? meta : { ...meta, help };
}

/** Metadata of the parameters of one storage engine (`S3Storage`, `RadosGWStorage`, …). */
export function storageEngineUi(engine: string): { title: string; fields: Record<string, UiField> } | undefined {
  return ui.storageEngines[engine];
}

/** Storage engines the wizard offers, in display order. */
export const storageEngineNames: readonly string[] = Object.keys(ui.storageEngines);
