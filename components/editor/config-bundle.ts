/**
 * The configuration as the editor holds it — schema keys in react-hook-form, other keys apart,
 * files by name — and as the API takes it (`BundleJson`).
 */
import type { BundleJson } from '@/lib/api/contract';
import type { ConfigObject, Files } from './editor-types';
import type { FormModel } from './form-model';

/** A predicate telling schema keys (edited by the form) from keys outside the schema. */
export function knownKeyTest(model: FormModel): (key: string) => boolean {
  const known = new Set(model.keys.map((k) => k.key));
  const oidc = model.oidc ? new RegExp(model.oidc.pattern, 'u') : null;
  return (key) => known.has(key) || (oidc?.test(key) ?? false);
}

/** Splits a config into the form's part and the keys outside the schema. */
export function splitConfig(config: ConfigObject, isKnown: (key: string) => boolean): { known: ConfigObject; extra: ConfigObject } {
  const known: ConfigObject = {};
  const extra: ConfigObject = {};
  for (const [k, v] of Object.entries(config)) (isKnown(k) ? known : extra)[k] = v;
  return { known, extra };
}

/** Drops `undefined` (a field the user emptied) at any depth, so the key disappears from the YAML. */
export function pruneUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : pruneUndefined(v)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = pruneUndefined(v);
    return out;
  }
  return value;
}

/** The config to send: form values then the keys outside the schema, emptied fields removed. */
export function assembleConfig(formValues: ConfigObject, extra: ConfigObject): ConfigObject {
  return pruneUndefined({ ...formValues, ...extra }) as ConfigObject;
}

/** The API's bundle shape; the original YAML text goes along so the server keeps comments and order. */
export function toBundleJson(config: ConfigObject, files: Files, originalConfigYaml?: string): BundleJson {
  return { 'config.yaml': config, certs: files, ...(originalConfigYaml !== undefined ? { originalConfigYaml } : {}) };
}

/**
 * A new registry's starting point: what Quay's own setup wrote (legacy `add_enterprise_config_defaults`
 * and config-tool's `addSetupConfig`), minus what belongs to the administrator (host, database, Redis
 * host). HTTPS by default: the wizard can generate the certificate.
 */
export function newConfigDefaults(): ConfigObject {
  return {
    SERVER_HOSTNAME: undefined,
    PREFERRED_URL_SCHEME: 'https',
    EXTERNAL_TLS_TERMINATION: false,
    REGISTRY_TITLE: 'Red Hat Quay',
    REGISTRY_TITLE_SHORT: 'Red Hat Quay',
    SETUP_COMPLETE: true,
    AUTHENTICATION_TYPE: 'Database',
    BUILDLOGS_REDIS: { host: '', port: 6379 },
    USER_EVENTS_REDIS: { host: '', port: 6379 },
    DISTRIBUTED_STORAGE_CONFIG: { default: ['LocalStorage', { storage_path: '/datastorage/registry' }] },
    DISTRIBUTED_STORAGE_PREFERENCE: ['default'],
    DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: [],
    FEATURE_STORAGE_REPLICATION: false,
    USERFILES_LOCATION: 'default',
    USERFILES_PATH: 'userfiles/',
    LOG_ARCHIVE_LOCATION: 'default',
    TAG_EXPIRATION_OPTIONS: ['0s', '1d', '1w', '2w', '4w'],
    DEFAULT_TAG_EXPIRATION: '2w',
    FEATURE_CHANGE_TAG_EXPIRATION: true,
    FEATURE_DIRECT_LOGIN: true,
    FEATURE_USER_CREATION: true,
    FEATURE_ANONYMOUS_ACCESS: true,
    FEATURE_APP_SPECIFIC_TOKENS: true,
    FEATURE_REQUIRE_TEAM_INVITE: true,
    FEATURE_PARTIAL_USER_AUTOCOMPLETE: true,
    FEATURE_USERNAME_CONFIRMATION: true,
    FEATURE_USER_LOG_ACCESS: true,
    FEATURE_RESTRICTED_V1_PUSH: true,
    FEATURE_MAILING: false,
    FEATURE_BUILD_SUPPORT: false,
    FEATURE_REPO_MIRROR: false,
    FEATURE_SECURITY_SCANNER: false,
    FEATURE_SECURITY_NOTIFICATIONS: false,
    USE_CDN: false,
    TESTING: false,
    LOGS_MODEL: 'database',
    TEAM_RESYNC_STALE_TIME: '60m',
    SUPER_USERS: [],
    ALLOWED_OCI_ARTIFACT_TYPES: {
      'application/vnd.oci.image.config.v1+json': ['application/vnd.oci.image.layer.v1.tar+zstd'],
      'application/vnd.sylabs.sif.config.v1+json': ['application/vnd.sylabs.sif.layer.v1+tar'],
    },
  };
}
