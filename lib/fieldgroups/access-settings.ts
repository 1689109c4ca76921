import { checkDuration } from '../config/duration';
import { flag, str, truthy, type ConfigMap } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';
import { usableProviders } from './oidc-provider';
import { superUserFindings } from './super-users';

function loginMethods(c: ConfigMap): Finding[] {
  // Every <ID>_LOGIN_CONFIG object under a name Quay accepts is an OIDC login (oauth/loginmanager.py).
  const providers = usableProviders(c);
  const findings: Finding[] = [];
  const direct = flag(c, 'FEATURE_DIRECT_LOGIN', true);
  if (!direct && !flag(c, 'FEATURE_GITHUB_LOGIN', false) && !flag(c, 'FEATURE_GOOGLE_LOGIN', false) && providers.length === 0) {
    findings.push(
      error(
        ['FEATURE_DIRECT_LOGIN', 'FEATURE_GITHUB_LOGIN', 'FEATURE_GOOGLE_LOGIN'],
        'Cannot disable credentials login to UI without configured OIDC service: FEATURE_DIRECT_LOGIN is off and no GitHub, Google or OIDC login is configured, so nobody can log in',
        {
          code: 'no-login-method',
          hint: 'turn FEATURE_DIRECT_LOGIN on, or configure GitHub, Google or an OIDC provider (<ID>_LOGIN_CONFIG)',
        },
      ),
    );
  }
  return findings;
}

function userCreation(c: ConfigMap): Finding[] {
  if (!truthy(c.FEATURE_INVITE_ONLY_USER_CREATION)) return [];
  const findings: Finding[] = [];
  if (!flag(c, 'FEATURE_USER_CREATION', true)) {
    // config-tool tagged this INVITE_USER_ONLY_CREATION, a key that does not exist.
    findings.push(
      error(
        ['FEATURE_INVITE_ONLY_USER_CREATION', 'FEATURE_USER_CREATION'],
        'Invite only user creation requires user creation to be enabled: FEATURE_INVITE_ONLY_USER_CREATION is on but FEATURE_USER_CREATION is off',
        {
          code: 'invite-only-needs-user-creation',
        },
      ),
    );
  }
  // Quay's default for FEATURE_MAILING is True (config.py), so only an explicit false counts.
  if (!flag(c, 'FEATURE_MAILING', true)) {
    findings.push(
      warning(['FEATURE_INVITE_ONLY_USER_CREATION', 'FEATURE_MAILING'], 'FEATURE_INVITE_ONLY_USER_CREATION is on but FEATURE_MAILING is off: invitations are sent by e-mail, so nobody new can join', {
        code: 'invite-only-needs-mailing',
      }),
    );
  }
  return findings;
}

function encryptedBasicAuth(c: ConfigMap): Finding[] {
  const type = str(c, 'AUTHENTICATION_TYPE');
  // With an external directory, `docker login` would otherwise send the directory password itself.
  if (type !== 'LDAP' && type !== 'Keystone' && type !== 'JWT') return [];
  if (flag(c, 'FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH', false)) return [];
  return [
    warning(
      'FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH',
      `AUTHENTICATION_TYPE is ${type} but FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH is off: docker and podman clients log in with the users' ${type} passwords`,
      {
        code: 'encrypted-basic-auth-recommended',
        hint: 'turn FEATURE_REQUIRE_ENCRYPTED_BASIC_AUTH on so that CLI logins use Quay-generated encrypted passwords',
      },
    ),
  ];
}

/**
 * Login methods, user creation, super users and FRESH_LOGIN_TIMEOUT. Never skipped. AUTHENTICATION_TYPE
 * is owned here for routing: its enum (and the other keys' types and patterns) are the schema's findings.
 */
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
    ...loginMethods(config),
    ...userCreation(config),
    // The only duration here without a schema pattern. An empty string is not "unset" to Quay:
    // convert_to_timedelta("") raises at the first fresh-login check.
    ...checkDuration(config, 'FRESH_LOGIN_TIMEOUT'),
    ...superUserFindings(config.SUPER_USERS),
    ...encryptedBasicAuth(config),
  ],
});
