import { isObject } from '../../config/values';
import { error, required } from '../../report/findings';
import type { Finding } from '../../report/types';
import { defineFieldGroup, type Probe, type RuleContext } from '../define';
import { checkLocationReferences, checkReplication } from './cross-checks';
import { locationPath, STORAGE_CONFIG } from './engine';
import { ENGINES } from './engines';
import { parseStorageConfig } from './locations';

/**
 * Registry storage (design.md §3): every location of DISTRIBUTED_STORAGE_CONFIG checked as Quay's
 * driver constructors take it, the keys that name locations cross-checked, and online one probe per
 * location — every location, not only the preferred one (quay/quay#1752) — that writes, reads back
 * and deletes a probe object with the runtime's own endpoint rules. Never skipped.
 */
export const distributedStorage = defineFieldGroup({
  id: 'DistributedStorage',
  title: 'Registry storage',
  keys: [
    'DISTRIBUTED_STORAGE_CONFIG',
    'DISTRIBUTED_STORAGE_PREFERENCE',
    'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS',
    'FEATURE_STORAGE_REPLICATION',
    'FEATURE_PROXY_STORAGE',
    'USERFILES_LOCATION',
    'USERFILES_PATH',
    'LOG_ARCHIVE_LOCATION',
    'LOG_ARCHIVE_PATH',
  ],
  skipReason: () => null,
  rules(ctx) {
    const findings: Finding[] = [];
    const dsc = ctx.config[STORAGE_CONFIG];
    let names: string[] | undefined;
    if (dsc === undefined || dsc === null) {
      findings.push({ ...required(STORAGE_CONFIG), hint: 'e.g. DISTRIBUTED_STORAGE_CONFIG: {default: [LocalStorage, {storage_path: /datastorage/registry}]}' });
    } else if (isObject(dsc)) {
      const parsed = parseStorageConfig(dsc, ctx);
      names = parsed.names;
      if (names.length === 0) {
        findings.push(error(STORAGE_CONFIG, `${STORAGE_CONFIG} must contain at least one storage location`, { code: 'no-locations' }));
      }
      findings.push(...parsed.findings, ...checkReplication(ctx.config, parsed.names, parsed.locations));
    }
    // A value of another type is reported by the Schema check, attached to this key.
    findings.push(...checkLocationReferences(ctx.config, names));
    return findings;
  },
  probes(ctx: RuleContext): Probe[] {
    const dsc = ctx.config[STORAGE_CONFIG];
    if (!isObject(dsc)) return [];
    const { locations } = parseStorageConfig(dsc, ctx);
    return locations.flatMap((loc) => {
      const spec = ENGINES[loc.engine];
      const make = spec?.probe;
      if (!spec || !make) return [];
      return [{ name: `storage location "${loc.name}" (${loc.engine})`, fields: [locationPath(loc.name)], run: (pctx) => make(loc, ctx)(pctx) }];
    });
  },
});
