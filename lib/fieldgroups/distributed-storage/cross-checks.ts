import { arr, flag, type ConfigMap } from '../../config/values';
import { error, required, warning } from '../../report/findings';
import type { Finding } from '../../report/types';
import { didYouMean } from './did-you-mean';
import { locationPath, STORAGE_CONFIG, type StorageLocation } from './engine';

/**
 * Keys that name storage locations must name configured ones. config-tool never cross-checked
 * them; Quay fails at the first push or log export instead.
 */
export function checkLocationReferences(config: ConfigMap, names: string[] | undefined): Finding[] {
  const findings: Finding[] = [];
  const pref = config.DISTRIBUTED_STORAGE_PREFERENCE;
  if (pref === undefined || pref === null) {
    findings.push({
      ...required('DISTRIBUTED_STORAGE_PREFERENCE'),
      ...(names?.length ? { hint: `e.g. DISTRIBUTED_STORAGE_PREFERENCE: [${names.join(', ')}]` } : {}),
    });
  } else if (Array.isArray(pref) && pref.length === 0) {
    findings.push(
      warning('DISTRIBUTED_STORAGE_PREFERENCE', 'DISTRIBUTED_STORAGE_PREFERENCE is empty: Quay then prefers every location in config order', {
        code: 'empty-preference',
      }),
    );
  }
  if (!names) return findings;
  findings.push(...checkList(config, 'DISTRIBUTED_STORAGE_PREFERENCE', names), ...checkList(config, 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS', names));
  for (const key of ['USERFILES_LOCATION', 'LOG_ARCHIVE_LOCATION']) {
    const v = config[key];
    if (typeof v === 'string' && v !== '' && !names.includes(v)) findings.push(unknownLocation(key, v, names));
  }
  return findings;
}

function checkList(config: ConfigMap, key: string, names: string[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  (arr(config, key) ?? []).forEach((v, i) => {
    if (typeof v !== 'string') return;
    if (!names.includes(v)) findings.push(unknownLocation(`${key}[${i}]`, v, names));
    else if (seen.has(v)) findings.push(warning(`${key}[${i}]`, `${key}[${i}]: "${v}" is listed twice`, { code: 'duplicate-location' }));
    seen.add(v);
  });
  return findings;
}

/** A key naming a location that DISTRIBUTED_STORAGE_CONFIG does not define. */
export function unknownLocation(path: string, value: string, names: string[]): Finding {
  const guess = didYouMean(value, names);
  return error(path, `${path}: "${value}" is not a location of ${STORAGE_CONFIG}${guess ? ` (did you mean "${guess}"?)` : ''}`, {
    code: 'unknown-location',
    hint: names.length ? `configured locations: ${names.join(', ')}` : `define the location in ${STORAGE_CONFIG} first`,
  });
}

/** FEATURE_STORAGE_REPLICATION needs shared storage everywhere and somewhere to replicate to. */
export function checkReplication(config: ConfigMap, names: string[], locations: StorageLocation[]): Finding[] {
  if (!flag(config, 'FEATURE_STORAGE_REPLICATION', false)) return [];
  const findings: Finding[] = [];
  for (const loc of locations.filter((l) => l.engine === 'LocalStorage')) {
    findings.push(
      error(
        ['FEATURE_STORAGE_REPLICATION', `${locationPath(loc.name)}[0]`, locationPath(loc.name)],
        `FEATURE_STORAGE_REPLICATION is not supported with LocalStorage (location "${loc.name}"): a local directory is visible to one machine only`,
        {
          code: 'replication-local-storage',
          hint: 'use object storage for every location, or turn replication off',
        },
      ),
    );
  }
  if (names.length < 2) {
    findings.push(
      warning('FEATURE_STORAGE_REPLICATION', `FEATURE_STORAGE_REPLICATION is on but ${STORAGE_CONFIG} has ${names.length} location${names.length === 1 ? '' : 's'}: there is nothing to replicate to`, {
        code: 'replication-single-location',
      }),
    );
  } else if ((arr(config, 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS') ?? []).length === 0) {
    findings.push(
      warning(
        ['FEATURE_STORAGE_REPLICATION', 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS'],
        'FEATURE_STORAGE_REPLICATION is on but DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS is empty: images are replicated only where an organization asks for it',
        {
          code: 'replication-no-default-locations',
        },
      ),
    );
  }
  return findings;
}
