import { parseDuration } from '../config/duration';
import { arr, str, type ConfigMap } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';

/** Quay's defaults (config.py), used when the keys are absent. */
const DEFAULT_EXPIRATION = '2w';
const DEFAULT_OPTIONS = ['0s', '1d', '1w', '2w', '4w'];

/**
 * The valid options as Quay sees them (absent: Quay's defaults), or undefined when the key has the
 * wrong type. Item types and the duration pattern are the schema's findings (config-tool panicked
 * on a non-string item); duplicates are reported here.
 */
function options(c: ConfigMap): { values?: string[]; findings: Finding[] } {
  const list = arr(c, 'TAG_EXPIRATION_OPTIONS');
  if (list === undefined) return { values: c.TAG_EXPIRATION_OPTIONS === undefined || c.TAG_EXPIRATION_OPTIONS === null ? DEFAULT_OPTIONS : undefined, findings: [] };
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, i) => {
    if (typeof item !== 'string') return;
    const first = seen.get(item);
    if (first === undefined) seen.set(item, i);
    else findings.push(warning(`TAG_EXPIRATION_OPTIONS[${i}]`, `TAG_EXPIRATION_OPTIONS[${i}] "${item}" is listed twice (also TAG_EXPIRATION_OPTIONS[${first}])`, { code: 'duplicate-option' }));
  });
  return { values: [...seen.keys()], findings };
}

function defaultInOptions(c: ConfigMap, values: string[] | undefined): Finding[] {
  if (values === undefined) return [];
  const def = str(c, 'DEFAULT_TAG_EXPIRATION') ?? (c.DEFAULT_TAG_EXPIRATION === undefined || c.DEFAULT_TAG_EXPIRATION === null ? DEFAULT_EXPIRATION : undefined);
  const seconds = def === undefined ? undefined : parseDuration(def);
  if (def === undefined || seconds === undefined || values.includes(def)) return [];
  // Both Quay validators compare the strings, so 14d is not 2w.
  const same = values.find((v) => parseDuration(v) === seconds);
  const listed = values.length ? values.join(', ') : 'none';
  return [
    error(
      'DEFAULT_TAG_EXPIRATION',
      `The default tag expiration period must be included in the allowed expiration periods: DEFAULT_TAG_EXPIRATION "${def}" is not in TAG_EXPIRATION_OPTIONS (${listed})`,
      {
        code: 'default-not-in-options',
        hint: same
          ? `"${same}" is the same length of time, but Quay compares the strings: write "${same}" or add "${def}" to TAG_EXPIRATION_OPTIONS`
          : `add "${def}" to TAG_EXPIRATION_OPTIONS (to hide the choice from users, set FEATURE_CHANGE_TAG_EXPIRATION to false instead)`,
      },
    ),
  ];
}

/** Tag expiration (time machine): the default is one of the options, no option twice. Never skipped. */
export const timeMachine = defineFieldGroup({
  id: 'TimeMachine',
  title: 'Time machine',
  keys: ['DEFAULT_TAG_EXPIRATION', 'FEATURE_CHANGE_TAG_EXPIRATION', 'TAG_EXPIRATION_OPTIONS'],
  skipReason: () => null,
  rules: ({ config }) => {
    const opts = options(config);
    return [...opts.findings, ...defaultInOptions(config, opts.values)];
  },
});
