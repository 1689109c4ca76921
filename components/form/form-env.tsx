'use client';

import { createContext, useContext } from 'react';
import type { CertificateInfo } from '@/lib/api/contract';
import type { Finding } from '@/lib/report/types';
import type { SchemaNode } from './schema-node';
import type { ShowIf } from './show-if';

/**
 * What the schema renderer needs from around it, besides react-hook-form: the findings placed on
 * each field, read-only keys, the bundle's files (certificates are files, not config keys) and a
 * few services composite widgets call.
 */
export interface FormEnv {
  /** Findings whose best-matching rendered path is exactly `path`. */
  issuesAt(path: string): readonly Finding[];
  /** Findings at `path` or anywhere below it (composite widgets place them themselves). */
  issuesUnder(path: string): readonly Finding[];
  /** True for keys of `--readonly-groups` field groups. */
  isReadOnly(key: string): boolean;
  /** The key whose values `key` shows, read-only, while it follows it (USER_EVENTS_REDIS → BUILDLOGS_REDIS). */
  mirrorOf(key: string): string | undefined;
  files: Readonly<Record<string, string>>;
  setFile(name: string, base64: string | undefined): void;
  /** Parsed certificate details by file name (from `POST /api/v2/certs/inspect`). */
  certInfo: Readonly<Record<string, CertificateInfo>>;
  /** The storage engines: label, parameter schema and parameter metadata, by engine name. */
  storageEngines: Readonly<Record<string, StorageEngineMeta>>;
  /** A fresh random value for SECRET_KEY / DATABASE_SECRET_KEY (server CSPRNG). */
  generateSecret(): Promise<string>;
  /** Keys loaded from an uploaded bundle whose change needs an explicit confirmation. */
  pinnedKeys: ReadonlySet<string>;
  /** Keys of the config the schema does not know (kept and written back as they are). */
  extra: Readonly<Record<string, unknown>>;
  setExtra(next: Record<string, unknown>): void;
  /** UI metadata of a nested key path (`BUILDLOGS_REDIS.host`), when the metadata has any. */
  uiFor(path: string): NestedUi | undefined;
}

/** UI metadata of one nested field (a subset of ui.json's field shape). */
export interface NestedUi {
  title: string;
  help?: string;
  widget?: string;
  secret?: boolean;
  placeholder?: string;
  order?: number;
  advanced?: boolean;
  default?: unknown;
  showIf?: ShowIf;
}

/** One storage engine as the storage widget offers it. */
export interface StorageEngineMeta {
  title: string;
  schema: SchemaNode;
  fields: Readonly<Record<string, NestedUi>>;
}

const empty: FormEnv = {
  issuesAt: () => [],
  issuesUnder: () => [],
  isReadOnly: () => false,
  mirrorOf: () => undefined,
  files: {},
  setFile: () => {},
  certInfo: {},
  storageEngines: {},
  generateSecret: async () => '',
  pinnedKeys: new Set(),
  uiFor: () => undefined,
  extra: {},
  setExtra: () => {},
};

const FormEnvContext = createContext<FormEnv>(empty);

/** Provides the renderer's environment (sections override `issuesAt`/`issuesUnder`). */
export const FormEnvProvider = FormEnvContext.Provider;

/** The renderer's environment (see `FormEnv`). */
export function useFormEnv(): FormEnv {
  return useContext(FormEnvContext);
}
