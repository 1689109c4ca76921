import { checkDuration } from '../config/duration';
import { flag, isObject, str, truthy, type ConfigMap } from '../config/values';
import { error, warning } from '../validation/findings';
import type { Finding } from '../validation/types';
import { defineFieldGroup } from './define';

/** Quay's AUTHENTICATION_TYPE values (data/users/__init__.py `get_users_handler`). */
export const AUTHENTICATION_TYPES = ['Database', 'LDAP', 'JWT', 'Keystone', 'OIDC', 'AppToken'] as const;

/** Login-config prefixes Quay refuses (oauth/loginmanager.py PREFIX_BLACKLIST): it will not start. */
const RESERVED_LOGIN_PREFIXES = ['ldap', 'jwt', 'keystone'];
/** The login configs that are not OIDC providers. */
const NON_OIDC_LOGIN_CONFIGS = ['GITHUB_LOGIN_CONFIG', 'GOOGLE_LOGIN_CONFIG'];

/** Quay user names (util/validation.py VALID_USERNAME_REGEX, 2–255 characters). */
const USERNAME = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

/** Python's `str.rstrip(chars)`: Quay strips the *characters* of "_LOGIN_CONFIG", not the suffix. */
function rstripChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1] ?? '')) end--;
  return text.slice(0, end);
}

/** `<ID>_LOGIN_CONFIG` keys Quay turns into OIDC login services (every one but GitHub and Google). */
export function oidcProviderKeys(config: ConfigMap): string[] {
  return Object.keys(config).filter(
    (k) => k.endsWith('_LOGIN_CONFIG') && !NON_OIDC_LOGIN_CONFIGS.includes(k) && isObject(config[k]) && !isReservedLoginKey(k),
  );
}

function isReservedLoginKey(key: string): boolean {
  const exact = key.slice(0, -'_LOGIN_CONFIG'.length).toLowerCase();
  const asQuay = rstripChars(key, '_LOGIN_CONFIG').toLowerCase();
  return RESERVED_LOGIN_PREFIXES.includes(exact) || RESERVED_LOGIN_PREFIXES.includes(asQuay);
}

function authenticationType(c: ConfigMap): Finding[] {
  const t = str(c, 'AUTHENTICATION_TYPE');
  if (t === undefined || (AUTHENTICATION_TYPES as readonly string[]).includes(t)) return [];
  const near = AUTHENTICATION_TYPES.find((a) => a.toLowerCase() === t.trim().toLowerCase());
  return [error('AUTHENTICATION_TYPE', `AUTHENTICATION_TYPE must be one of ${AUTHENTICATION_TYPES.join(', ')}, got "${t}"`, {
    code: 'auth-type-invalid', ...(near ? { hint: `did you mean ${near}? the value is case-sensitive` } : {}),
  })];
}

function loginMethods(c: ConfigMap): Finding[] {
  const providers = oidcProviderKeys(c);
  const findings: Finding[] = [];
  const direct = flag(c, 'FEATURE_DIRECT_LOGIN', true);
  if (!direct && !flag(c, 'FEATURE_GITHUB_LOGIN', false) && !flag(c, 'FEATURE_GOOGLE_LOGIN', false) && providers.length === 0) {
    findings.push(error(['FEATURE_DIRECT_LOGIN', 'FEATURE_GITHUB_LOGIN', 'FEATURE_GOOGLE_LOGIN'],
      'Cannot disable credentials login to UI without configured OIDC service: FEATURE_DIRECT_LOGIN is off and no GitHub, Google or OIDC login is configured, so nobody can log in', {
        code: 'no-login-method', hint: 'turn FEATURE_DIRECT_LOGIN on, or configure GitHub, Google or an OIDC provider (<ID>_LOGIN_CONFIG)',
      }));
  }
  // get_users_handler only finds an OIDC users backend among the configured login services.
  if (c.AUTHENTICATION_TYPE === 'OIDC' && providers.length === 0) {
    findings.push(error('AUTHENTICATION_TYPE', 'AUTHENTICATION_TYPE is OIDC but no OIDC provider (<ID>_LOGIN_CONFIG) is configured: Quay will not start', { code: 'oidc-provider-missing' }));
  }
  for (const key of Object.keys(c).filter((k) => k.endsWith('_LOGIN_CONFIG') && !NON_OIDC_LOGIN_CONFIGS.includes(k))) {
    if (isReservedLoginKey(key)) {
      findings.push(error(key, `Cannot use reserved config name ${key}: ldap, jwt and keystone are not OIDC provider names, and Quay refuses to start with it`, {
        code: 'reserved-login-config', hint: 'rename the provider; Quay strips the letters of "_LOGIN_CONFIG" from the end of the key to get its name',
      }));
    }
  }
  return findings;
}

function userCreation(c: ConfigMap): Finding[] {
  if (!truthy(c.FEATURE_INVITE_ONLY_USER_CREATION)) return [];
  const findings: Finding[] = [];
  if (!flag(c, 'FEATURE_USER_CREATION', true)) {
    // config-tool tagged this INVITE_USER_ONLY_CREATION, a key that does not exist.
    findings.push(error(['FEATURE_INVITE_ONLY_USER_CREATION', 'FEATURE_USER_CREATION'], 'Invite only user creation requires user creation to be enabled: FEATURE_INVITE_ONLY_USER_CREATION is on but FEATURE_USER_CREATION is off', {
      code: 'invite-only-needs-user-creation',
    }));
  }
  // Quay's default for FEATURE_MAILING is True (config.py), so only an explicit false counts.
  if (!flag(c, 'FEATURE_MAILING', true)) {
    findings.push(warning(['FEATURE_INVITE_ONLY_USER_CREATION', 'FEATURE_MAILING'], 'FEATURE_INVITE_ONLY_USER_CREATION is on but FEATURE_MAILING is off: invitations are sent by e-mail, so nobody new can join', {
      code: 'invite-only-needs-mailing',
    }));
  }
  return findings;
}

function superUsers(c: ConfigMap): Finding[] {
  const list = c.SUPER_USERS;
  if (!Array.isArray(list)) return [];
  const seen = new Map<string, number>();
  return list.flatMap((name, i): Finding[] => {
    const path = `SUPER_USERS[${i}]`;
    if (typeof name !== 'string') return [error(path, `${path} must be a Quay user name (a string)`, { code: 'superuser-invalid-name' })];
    const first = seen.get(name);
    if (first !== undefined) return [warning(path, `${path} "${name}" is listed twice (also SUPER_USERS[${first}])`, { code: 'superuser-duplicate' })];
    seen.set(name, i);
    if (USERNAME.test(name) && name.length >= 2 && name.length <= 255) return [];
    const lower = name.toLowerCase();
    const hint = lower !== name && USERNAME.test(lower) ? `Quay user names are lower-case: "${lower}"` : 'lower-case letters and digits, optionally separated by single ".", "_" or "-", 2 to 255 characters';
    return [error(path, `${path} "${name}" is not a valid Quay user name`, { code: 'superuser-invalid-name', hint })];
  });
}

function encryptedBasicAuth(c: ConfigMap): Finding[] {
  const type = str(c, 'AUTHENTICATION_TYPE');
  // With an external directory, `docker login` would otherwise send the directory password itself.
  if (type !== 'LDAP' && type !== 'Keystone' && type !== 'JWT') return [];
  if (flag(c, 'FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH', false)) return [];
  return [warning('FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH', `AUTHENTICATION_TYPE is ${type} but FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH is off: docker and podman clients log in with the users' ${type} passwords`, {
    code: 'encrypted-basic-auth-recommended', hint: 'turn FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH on so that CLI logins use Quay-generated encrypted passwords',
  })];
}

/** Authentication type, login methods, user creation, super users and session durations. Never skipped. */
export const accessSettings = defineFieldGroup({
  id: 'AccessSettings',
  title: 'Access settings',
  keys: [
    'AUTHENTICATION_TYPE',
    'SUPER_USERS',
    'FEATURE_ANONYMOUS_ACCESS',
    'FEATURE_DIRECT_LOGIN',
    'FEATURE_INVITE_ONLY_USER_CREATION',
    'FEATURE_PARTIAL_USER_AUTOCOMPLETE',
    'FEATURE_USERNAME_CONFIRMATION',
    'FEATURE_USER_CREATION',
    'FEATURE_USER_LAST_ACCESSED',
    'FEATURE_USER_LOG_ACCESS',
    'FEATURE_USER_METADATA',
    'FEATURE_USER_RENAME',
    'FRESH_LOGIN_TIMEOUT',
    'USER_RECOVERY_TOKEN_LIFETIME',
    'FEATURE_EXTENDED_REPOSITORY_NAMES',
    'CREATE_REPOSITORY_ON_PUSH_PUBLIC',
    'FEATURE_USER_INITIALIZE',
    'FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH',
    'FEATURE_REQUIRE_TEAM_INVITE',
  ],
  skipReason: () => null,
  rules: ({ config }) => [
    ...authenticationType(config),
    ...loginMethods(config),
    ...userCreation(config),
    // An empty string is not "unset" to Quay: convert_to_timedelta("") raises at the first use.
    ...checkDuration(config, 'FRESH_LOGIN_TIMEOUT'),
    ...checkDuration(config, 'USER_RECOVERY_TOKEN_LIFETIME'),
    ...superUsers(config),
    ...encryptedBasicAuth(config),
  ],
});
