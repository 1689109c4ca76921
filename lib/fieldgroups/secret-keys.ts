import { has, nonEmpty } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup, type RuleContext } from './define';

/** Below this many characters a secret key is called short (a UUID has 36, a 256-bit decimal ~77). */
export const MIN_SECRET_KEY_LENGTH = 32;

const NEVER_CHANGE =
  'generate one (`quay-config generate secret-key`, the wizard, or `openssl rand -hex 32`) for a NEW registry only; ' +
  'on an existing registry copy the value from its current config.yaml: a changed key cannot decrypt what the old one encrypted';

const PURPOSE: Record<'SECRET_KEY' | 'DATABASE_SECRET_KEY', string> = {
  SECRET_KEY: 'Quay signs session cookies and CSRF tokens with it',
  DATABASE_SECRET_KEY: 'Quay encrypts sensitive database fields (robot tokens, mirror and build-trigger credentials) with it',
};

/**
 * SECRET_KEY and DATABASE_SECRET_KEY: present, long enough, distinct. config-tool checked neither
 * (quay-config-tool.md §3). Offline only; values never appear in findings.
 */
export const secretKeys = defineFieldGroup({
  id: 'SecretKeys',
  title: 'Secret keys',
  keys: ['SECRET_KEY', 'DATABASE_SECRET_KEY'],
  skipReason: () => null,
  rules: (ctx) => rules(ctx),
});

function rules({ config, deployment }: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const values: Partial<Record<keyof typeof PURPOSE, string>> = {};
  for (const key of ['SECRET_KEY', 'DATABASE_SECRET_KEY'] as const) {
    const value = nonEmpty(config, key);
    // A present value of the wrong type is the Schema check's finding, not a missing key.
    if (value === undefined) {
      // Under the operator both keys are generated and kept in its managed-secret-keys Secret.
      if (!deployment && (!has(config, key) || typeof config[key] === 'string')) findings.push(missingKey(key, config.SETUP_COMPLETE === true));
      continue;
    }
    values[key] = value;
    if (value.length < MIN_SECRET_KEY_LENGTH) {
      findings.push(
        warning(key, `${key} is short (${value.length} characters, fewer than ${MIN_SECRET_KEY_LENGTH}): it is easier to guess`, {
          code: 'secret-key-short',
          hint: `only replace it on a new registry: ${NEVER_CHANGE}`,
        }),
      );
    }
  }
  if (values.SECRET_KEY !== undefined && values.SECRET_KEY === values.DATABASE_SECRET_KEY) {
    findings.push(
      warning(['DATABASE_SECRET_KEY', 'SECRET_KEY'], 'DATABASE_SECRET_KEY is the same as SECRET_KEY: one leaked key then exposes both sessions and encrypted database fields', {
        code: 'secret-keys-equal',
        hint: 'use two independent random values, but do not change DATABASE_SECRET_KEY on a registry that already stores encrypted data',
      }),
    );
  }
  return findings;
}

/**
 * What Quay's app.py does without the key: SECRET_KEY is generated at each start ("Generate a secret
 * key if none was specified"), which Quay survives; a missing DATABASE_SECRET_KEY stops start-up once
 * SETUP_COMPLETE is true ("Missing DATABASE_SECRET_KEY in config").
 */
function missingKey(key: keyof typeof PURPOSE, setupComplete: boolean): Finding {
  if (key === 'SECRET_KEY') {
    return warning(key, 'SECRET_KEY is not set: Quay makes up a random one at every start, so sessions end on each restart and differ between replicas', {
      code: 'secret-key-missing',
      hint: `set it (${PURPOSE.SECRET_KEY}): ${NEVER_CHANGE}`,
    });
  }
  if (setupComplete) {
    return error(key, `DATABASE_SECRET_KEY is required with SETUP_COMPLETE: true: Quay refuses to start without it (${PURPOSE.DATABASE_SECRET_KEY})`, {
      code: 'required',
      hint: NEVER_CHANGE,
    });
  }
  return warning(key, `DATABASE_SECRET_KEY is not set: ${PURPOSE.DATABASE_SECRET_KEY}, and refuses to start without it once SETUP_COMPLETE is true`, {
    code: 'database-secret-key-missing',
    hint: NEVER_CHANGE,
  });
}
