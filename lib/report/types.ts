/**
 * The validation report (design.md §4): the one shape the CLI (`--json`), the API (v2) and the
 * wizard all show. Plain data only, so it serialises as is.
 *
 * `lib/report/` is a leaf: it imports nothing else from the project, so every layer (bundle and
 * config readers, probes, field groups, the pipeline, the wizard) can use these types without an
 * arrow pointing back up (`test/layering.test.ts`).
 */

/** How far a check got before it failed: config → dns → tcp → tls → auth → semantic. */
export const STAGES = ['config', 'dns', 'tcp', 'tls', 'auth', 'semantic'] as const;
export type Stage = (typeof STAGES)[number];

/** `error` makes the config invalid; `warning` does not. */
export type Severity = 'error' | 'warning';

export type ValidationMode = 'online' | 'offline';

/** One problem, attached to the config key paths it is about (e.g. `BUILDLOGS_REDIS.host`). */
export interface Finding {
  severity: Severity;
  /** Key paths, most specific first: `DB_URI`, `DISTRIBUTED_STORAGE_CONFIG.default[1].s3_bucket`. */
  fields: string[];
  /** Offline rules report `config`; probes report the rung that failed. */
  stage: Stage;
  /** Stable kebab-case id of the check, e.g. `required`, `auth-failed`, `pg-trgm-missing`. */
  code: string;
  /** What is wrong, naming the key. Never contains a secret value. */
  message: string;
  /** What to do about it, when that is not obvious from the message. */
  hint?: string;
}

export type GroupStatus = 'ok' | 'warning' | 'error' | 'skipped';

export interface GroupReport {
  group: FieldGroupId;
  status: GroupStatus;
  durationMs: number;
  findings: Finding[];
  /** Why the group was skipped (not enabled by the config, or not asked for). */
  skippedReason?: string;
}

export interface ValidationReport {
  valid: boolean;
  mode: ValidationMode;
  /** The Quay release the verdicts are for (`3.19`, `head`). */
  quayVersion: string;
  /** Under Quay's operator: the components it manages (absent for a standalone Quay). */
  managed?: string[];
  durationMs: number;
  groups: GroupReport[];
}

/**
 * Field groups, named exactly as quay/config-tool names them, plus our four (design.md §3).
 *
 * The one list of ids. It lives here rather than being derived from the registry because the
 * report, the API schema (`lib/openapi`), the CLI's `--groups` and the wizard all need the ids,
 * and this leaf module may not import the groups (which import it). The registry cannot drift
 * from it: `registerFieldGroups` in `lib/fieldgroups/index.ts` compiles only when it holds exactly
 * one group per id (and `lib/fieldgroups/index.test.ts` checks the same at run time). Alphabetical;
 * the display order is the registry's.
 */
export const FIELD_GROUP_IDS = [
  'AccessSettings',
  'ActionLogArchiving',
  'AppTokenAuthentication',
  'BitbucketBuildTrigger',
  'BuildManager',
  'CACertificates',
  'Database',
  'DistributedStorage',
  'ElasticSearch',
  'Email',
  'GitHubBuildTrigger',
  'GitHubLogin',
  'GitLabBuildTrigger',
  'GoogleLogin',
  'HostSettings',
  'JWTAuthentication',
  'Keystone',
  'LDAP',
  'OIDC',
  'QuayDocumentation',
  'Redis',
  'RepoMirror',
  'Schema',
  'SecretKeys',
  'SecurityScanner',
  'TeamSyncing',
  'TimeMachine',
  'UserVisibleSettings',
] as const;
export type FieldGroupId = (typeof FIELD_GROUP_IDS)[number];

export function isFieldGroupId(name: string): name is FieldGroupId {
  return (FIELD_GROUP_IDS as readonly string[]).includes(name);
}
