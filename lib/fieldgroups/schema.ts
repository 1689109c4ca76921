import type { ConfigMap } from '../config/values';
import { deprecatedKeys, isEnvironmentSetting, isKnownKey, isUpperCaseKey, notReadByQuay, suggestKey } from '../schema/keys';
import { DEFAULT_RELEASE, isListedBy, keyPresence, releaseName, type QuayRelease } from '../schema/releases';
import { warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';

/** More unknown keys than this are summarised in one finding (a pasted Helm values file, say). */
const MAX_KEY_FINDINGS = 200;

/**
 * The Schema group (design.md §3): every top-level key against what Quay reads. It owns no key;
 * type, enum and pattern violations of keys no other group owns are routed here by the pipeline
 * (`lib/validation/run.ts`), so this module only adds what a JSON schema cannot say: keys Quay
 * ignores (lowercase, unknown, removed, or named as another tool names them). All are warnings:
 * Quay starts with such keys, it just does not do what the author meant.
 */
export const schema = defineFieldGroup({
  id: 'Schema',
  title: 'Schema',
  keys: [],
  skipReason: () => null,
  rules: ({ config, release }) => keyFindings(config, release ?? DEFAULT_RELEASE),
});

function keyFindings(config: ConfigMap, release: QuayRelease): Finding[] {
  const findings: Finding[] = [];
  let skipped = 0;
  for (const key of Object.keys(config)) {
    // Past the cap a key is only counted: no typo search for a finding nobody sees.
    const finding = checkKey(key, release, findings.length < MAX_KEY_FINDINGS ? suggestKey : noSuggestion);
    if (!finding) continue;
    if (findings.length < MAX_KEY_FINDINGS) findings.push(finding);
    else skipped++;
  }
  if (skipped > 0) {
    findings.push(warning([], `${skipped} more top-level keys that Quay ignores are not listed`, { code: 'unknown-key' }));
  }
  return findings;
}

const noSuggestion = (): undefined => undefined;

function checkKey(key: string, release: QuayRelease, suggest: (name: string) => string | undefined): Finding | undefined {
  // Quay's import_yaml keeps only keys for which Python's str.isupper() is true.
  if (!isUpperCaseKey(key)) {
    const upper = key.toUpperCase();
    const hint = isKnownKey(upper) ? `write it as ${upper}` : didYouMean(suggest(upper));
    return warning(key, `Quay only reads UPPERCASE keys; ${key} is ignored`, withHint('ignored-key', hint));
  }
  const quay = releaseName(release);
  const presence = keyPresence(key, release);
  const removed = deprecatedKeys.get(key);
  if (removed && !isListedBy(key, release)) {
    const since = presence.state === 'removed' ? ` (removed in Quay ${presence.in})` : '';
    return warning(key, `${key} is no longer used by ${quay}${since}: ${removed}`, { code: 'deprecated-key', hint: `remove ${key}` });
  }
  const other = notReadByQuay.get(key);
  if (other) {
    return warning(key, `${key} is not read by Quay; did you mean ${other.use}?`, { code: 'unknown-key', hint: other.why });
  }
  if (isEnvironmentSetting(key)) {
    return warning(key, `${key} is not read from config.yaml: Quay's container reads it from its environment`, {
      code: 'environment-setting',
      hint: `set it as an environment variable of the Quay container (e.g. podman run -e ${key}=4 …, or the QuayRegistry's quay component env override) and remove it from config.yaml`,
    });
  }
  if (presence.state === 'added') {
    return warning(key, `${key} is not read by ${quay}: it was added in Quay ${presence.in}`, {
      code: 'key-not-in-release',
      hint: `remove ${key}, or validate for the release you run with --quay-version (it takes effect from Quay ${presence.in})`,
    });
  }
  if (presence.state === 'removed') {
    return warning(key, `${key} was removed in Quay ${presence.in}: ${quay} ignores it`, {
      code: 'key-removed',
      hint: removed ?? `remove ${key}`,
    });
  }
  if (presence.state === 'known' || isKnownKey(key)) return undefined;
  const suggestion = suggest(key);
  const message = suggestion ? `${key} is not a Quay configuration key; did you mean ${suggestion}?` : `${key} is not a Quay configuration key`;
  return warning(key, message, withHint('unknown-key', suggestion ? undefined : 'Quay ignores keys it does not know; check the spelling'));
}

function didYouMean(suggestion: string | undefined): string | undefined {
  return suggestion ? `did you mean ${suggestion}?` : undefined;
}

function withHint(code: string, hint: string | undefined): { code: string; hint?: string } {
  return hint ? { code, hint } : { code };
}
