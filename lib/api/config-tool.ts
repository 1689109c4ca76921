import type { ValidationMode, ValidationReport } from '../report/types';

/** quay/config-tool's validation error shape (`POST /api/v1/config/validate`). */
export interface ConfigToolError {
  FieldGroup: string;
  Tags: string[];
  Message: string;
}

/** config-tool's answer: the error findings only; `[]` means valid (its UI relies on that). */
export function toConfigToolErrors(report: ValidationReport): ConfigToolError[] {
  return report.groups.flatMap((g) => g.findings.filter((f) => f.severity === 'error').map((f) => ({ FieldGroup: g.group, Tags: f.fields, Message: f.message })));
}

/** config-tool's `?mode=`: online (default), setup (its UI's first-run mode) and offline; `testing` mocked services, we run offline. */
export function configToolMode(mode: string | null): ValidationMode {
  return mode === 'offline' || mode === 'testing' ? 'offline' : 'online';
}

/**
 * What config-tool's `GET /api/v1/config` answers in a setup session (no bundle mounted): its 56
 * default keys (quay-config-tool.md §2.1), so a client written for config-tool starts the same way.
 */
export const CONFIG_TOOL_SETUP_DEFAULTS: Readonly<Record<string, unknown>> = {
  AUTHENTICATION_TYPE: 'Database',
  AVATAR_KIND: 'local',
  DB_CONNECTION_ARGS: {},
  DEFAULT_TAG_EXPIRATION: '2w',
  EXTERNAL_TLS_TERMINATION: false,
  FEATURE_ACTION_LOG_ROTATION: false,
  FEATURE_ANONYMOUS_ACCESS: true,
  FEATURE_APP_SPECIFIC_TOKENS: true,
  FEATURE_BITBUCKET_BUILD: false,
  FEATURE_BLACKLISTED_EMAILS: false,
  FEATURE_BUILD_SUPPORT: false,
  FEATURE_CHANGE_TAG_EXPIRATION: true,
  FEATURE_DIRECT_LOGIN: true,
  FEATURE_EXTENDED_REPOSITORY_NAMES: true,
  FEATURE_FIPS: false,
  FEATURE_GITHUB_BUILD: false,
  FEATURE_GITHUB_LOGIN: false,
  FEATURE_GITLAB_BUILD: false,
  FEATURE_GOOGLE_LOGIN: false,
  FEATURE_INVITE_ONLY_USER_CREATION: false,
  FEATURE_MAILING: false,
  FEATURE_NONSUPERUSER_TEAM_SYNCING_SETUP: false,
  FEATURE_PARTIAL_USER_AUTOCOMPLETE: true,
  FEATURE_PROXY_STORAGE: false,
  FEATURE_REPO_MIRROR: false,
  FEATURE_SECURITY_NOTIFICATIONS: false,
  FEATURE_SECURITY_SCANNER: false,
  FEATURE_STORAGE_REPLICATION: false,
  FEATURE_TEAM_SYNCING: false,
  FEATURE_USERNAME_CONFIRMATION: true,
  FEATURE_USER_CREATION: true,
  FEATURE_USER_LAST_ACCESSED: true,
  FEATURE_USER_LOG_ACCESS: false,
  FEATURE_USER_METADATA: false,
  FEATURE_USER_RENAME: false,
  FRESH_LOGIN_TIMEOUT: '10m',
  LDAP_ALLOW_INSECURE_FALLBACK: false,
  LDAP_EMAIL_ATTR: 'mail',
  LDAP_UID_ATTR: 'uid',
  LDAP_URI: 'ldap://localhost',
  LOGS_MODEL: 'database',
  MAIL_DEFAULT_SENDER: 'support@quay.io',
  MAIL_PORT: 587,
  MAIL_USE_AUTH: false,
  MAIL_USE_TLS: false,
  PREFERRED_URL_SCHEME: 'http',
  REGISTRY_TITLE: 'Project Quay',
  REGISTRY_TITLE_SHORT: 'Project Quay',
  REPO_MIRROR_INTERVAL: 30,
  REPO_MIRROR_TLS_VERIFY: true,
  SEARCH_MAX_RESULT_PAGE_COUNT: 10,
  SEARCH_RESULTS_PER_PAGE: 10,
  SECURITY_SCANNER_INDEXING_INTERVAL: 30,
  TAG_EXPIRATION_OPTIONS: ['0s', '1d', '1w', '2w', '4w'],
  TEAM_RESYNC_STALE_TIME: '30m',
  USER_RECOVERY_TOKEN_LIFETIME: '30m',
};
