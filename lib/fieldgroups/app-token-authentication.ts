import { parseDuration } from '../config/duration';
import { flag, has, str, type ConfigMap } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';

const KEYS = ['FEATURE_APP_SPECIFIC_TOKENS', 'APP_SPECIFIC_TOKEN_EXPIRATION', 'EXPIRED_APP_SPECIFIC_TOKEN_GC'] as const;

/** AUTHENTICATION_TYPE AppToken: Quay refuses to start unless app tokens are on and direct login is off. */
function appTokenAuth(c: ConfigMap): Finding[] {
  if (c.AUTHENTICATION_TYPE !== 'AppToken') return [];
  const findings: Finding[] = [];
  // Both defaults (config.py) are True: an absent FEATURE_DIRECT_LOGIN means direct login is on.
  if (!flag(c, 'FEATURE_APP_SPECIFIC_TOKENS', true)) {
    findings.push(
      error('FEATURE_APP_SPECIFIC_TOKENS', 'Application token support must be enabled to use External Application Token auth: FEATURE_APP_SPECIFIC_TOKENS is off', {
        code: 'app-tokens-disabled',
      }),
    );
  }
  if (flag(c, 'FEATURE_DIRECT_LOGIN', true)) {
    findings.push(
      error('FEATURE_DIRECT_LOGIN', 'Direct login must be disabled to use External Application Token auth: set FEATURE_DIRECT_LOGIN to false', {
        code: 'direct-login-enabled',
        hint: 'users then log in to the UI through an OIDC provider and use app tokens on the CLI',
      }),
    );
  }
  return findings;
}

/** The duration patterns are the schema's; a zero expiration is valid but surely not meant. */
function expiration(c: ConfigMap): Finding[] {
  const v = str(c, 'APP_SPECIFIC_TOKEN_EXPIRATION');
  if (v === undefined || parseDuration(v) !== 0) return [];
  return [
    warning('APP_SPECIFIC_TOKEN_EXPIRATION', `APP_SPECIFIC_TOKEN_EXPIRATION is ${v}: every new app token expires at once`, {
      code: 'app-token-expiration-zero',
      hint: 'remove the key (or set it to null) for tokens that do not expire',
    }),
  ];
}

/**
 * App-specific tokens. Runs when AUTHENTICATION_TYPE is AppToken or one of its keys is set: app
 * tokens exist under every authentication type (FEATURE_APP_SPECIFIC_TOKENS defaults to on) and
 * Quay parses the two durations whenever they are set (their patterns are schema findings routed
 * here; `null` for EXPIRED_APP_SPECIFIC_TOKEN_GC turns garbage collection off). Skipped otherwise.
 */
export const appTokenAuthentication = defineFieldGroup({
  id: 'AppTokenAuthentication',
  title: 'App token authentication',
  keys: KEYS,
  skipReason: ({ config }) => (config.AUTHENTICATION_TYPE === 'AppToken' || KEYS.some((k) => has(config, k)) ? null : 'AUTHENTICATION_TYPE is not AppToken and no app token setting is set'),
  rules: ({ config }) => [...appTokenAuth(config), ...expiration(config)],
});
