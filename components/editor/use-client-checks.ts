'use client';

import { useCallback, useRef, useState } from 'react';
import type { ConfigObject } from './editor-types';
import type { GroupFinding } from './findings';

type Checker = typeof import('@/lib/schema/check').checkAgainstSchema;

let checkerPromise: Promise<Checker> | null = null;

/** The schema checker (ajv + Quay's schema), loaded after the first paint as its own chunk. */
function loadChecker(): Promise<Checker> {
  checkerPromise ??= import('@/lib/schema/check').then((m) => m.checkAgainstSchema);
  return checkerPromise;
}

/**
 * Types, enums and patterns checked as you type, by the very checker the server's Schema group
 * uses (same messages, same key paths). `schedule(getConfig)` runs it debounced.
 */
export function useClientChecks(): { findings: GroupFinding[]; schedule(getConfig: () => ConfigObject): void; runNow(config: ConfigObject): Promise<GroupFinding[]> } {
  const [findings, setFindings] = useState<GroupFinding[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef('');

  const runNow = useCallback(async (config: ConfigObject) => {
    const check = await loadChecker();
    const next: GroupFinding[] = check(config).map((v) => ({
      severity: 'error',
      fields: [v.path || v.key],
      stage: 'config',
      code: `schema-${v.keyword}`,
      message: v.message,
      group: 'Schema',
      source: 'client',
    }));
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
