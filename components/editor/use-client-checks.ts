'use client';

import { useCallback, useRef, useState } from 'react';
import type { ConfigObject } from './editor-types';
import type { GroupFinding } from './findings';

/** Everything checked as you type: one function over the config. */
type Checker = (config: ConfigObject) => GroupFinding[];

let checkerPromise: Promise<Checker> | null = null;

/** The checkers (ajv + Quay's schema, the format rules), loaded after the first paint as their own chunks. */
function loadChecker(): Promise<Checker> {
  checkerPromise ??= Promise.all([import('@/lib/schema/check'), import('@/lib/fieldgroups/format-checks')]).then(([schema, format]) => (config) => [
    ...schema.checkAgainstSchema(config).map((v): GroupFinding => ({
      severity: 'error',
      fields: [v.path || v.key],
      stage: 'config',
      code: `schema-${v.keyword}`,
      message: v.message,
      group: 'Schema',
      source: 'client',
    })),
    ...format.liveFormatFindings(config).map(({ group, finding }): GroupFinding => ({ ...finding, group, source: 'client' })),
  ]);
  return checkerPromise;
}

/**
 * Types, enums and patterns checked as you type, by the very checker the server's Schema group
 * uses, plus the format rules of SERVER_HOSTNAME and SUPER_USERS the server's groups run (same
 * messages, same key paths). `schedule(getConfig)` runs them debounced.
 */
export function useClientChecks(): { findings: GroupFinding[]; schedule(getConfig: () => ConfigObject): void; runNow(config: ConfigObject): Promise<GroupFinding[]> } {
  const [findings, setFindings] = useState<GroupFinding[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef('');

  const runNow = useCallback(async (config: ConfigObject) => {
    const check = await loadChecker();
    const next = check(config);
    const signature = JSON.stringify(next);
    if (signature !== last.current) {
      last.current = signature;
      setFindings(next);
    }
    return next;
  }, []);

  const schedule = useCallback(
    (getConfig: () => ConfigObject) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void runNow(getConfig()), 200);
    },
    [runNow],
  );

  return { findings, schedule, runNow };
}
