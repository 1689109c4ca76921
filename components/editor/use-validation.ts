'use client';

import { useCallback, useRef, useState } from 'react';
import type { BundleJson } from '@/lib/api/contract';
import type { FieldGroupId, GroupReport, ValidationReport } from '@/lib/report/types';
import { FIELD_GROUP_IDS } from '@/lib/report/types';
import { apiFetch, describeError } from './api-client';
import { topKey } from './findings';

/** One "Validate" click: what was asked, what has come back so far, how it ended. */
export interface ValidationRun {
  id: number;
  /** The section validated, or null for "Validate all". */
  scope: string | null;
  groups: readonly FieldGroupId[];
  startedAt: number;
  finishedAt?: number;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  received: GroupReport[];
  report?: ValidationReport;
  error?: string;
}

/** What the verdicts are judged for: a Quay release, and the operator's managed components when serving one. */
export interface ValidationTarget {
  quayVersion?: string;
  managed?: readonly string[];
}

/** Results per group (latest run that covered the group wins) plus the run in progress. */
export interface ValidationState {
  run: ValidationRun | null;
  results: ReadonlyMap<FieldGroupId, GroupReport>;
  start(bundle: BundleJson, scope: string | null, groups?: readonly FieldGroupId[], target?: ValidationTarget): Promise<void>;
  cancel(): void;
  /** Forgets every result (another Quay release was picked: they are that release's verdicts). */
  reset(): void;
  /** Drops results about a key the user just edited: they describe a value that is gone. */
  invalidate(path: string): void;
}

/**
 * Runs `POST /api/v2/validate/stream` and folds its NDJSON events into state as they arrive.
 * Aborting the fetch (Cancel, or a new run) makes the server cancel its probes.
 */
export function useValidation(onError: (message: string) => void): ValidationState {
  const [run, setRun] = useState<ValidationRun | null>(null);
  const [results, setResults] = useState<ReadonlyMap<FieldGroupId, GroupReport>>(new Map());
  const abort = useRef<AbortController | null>(null);
  const nextId = useRef(1);

  const cancel = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setRun((r) => (r && r.status === 'running' ? { ...r, status: 'cancelled', finishedAt: Date.now() } : r));
  }, []);

  const start = useCallback(
    async (bundle: BundleJson, scope: string | null, groups?: readonly FieldGroupId[], target: ValidationTarget = {}) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      const id = nextId.current++;
      const asked = groups ?? FIELD_GROUP_IDS;
      setRun({ id, scope, groups: asked, startedAt: Date.now(), status: 'running', received: [] });
      const update = (patch: (r: ValidationRun) => ValidationRun) => setRun((r) => (r && r.id === id ? patch(r) : r));
      const query = new URLSearchParams({ mode: 'online' });
      if (groups) query.set('groups', groups.join(','));
      if (target.quayVersion) query.set('quayVersion', target.quayVersion);
      if (target.managed) query.set('managed', target.managed.join(','));
      try {
        const res = await apiFetch(`/api/v2/validate/stream?${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(bundle),
          signal: controller.signal,
        });
        await readNdjson(res, (event) => {
          if (event.event === 'group') {
            const g = event as unknown as GroupReport;
            update((r) => ({ ...r, received: [...r.received, g] }));
            // A group skipped only because this run did not ask for it keeps its earlier result.
            if (!(g.status === 'skipped' && groups && !groups.includes(g.group))) setResults((m) => new Map(m).set(g.group, g));
          } else if (event.event === 'done') {
            const report = event as unknown as ValidationReport;
            update((r) => ({ ...r, status: 'done', finishedAt: Date.now(), report }));
          }
        });
        update((r) => (r.status === 'running' ? { ...r, status: 'failed', finishedAt: Date.now(), error: 'The validation stream ended early.' } : r));
      } catch (e) {
        if (controller.signal.aborted) return;
        const message = describeError(e);
        update((r) => ({ ...r, status: 'failed', finishedAt: Date.now(), error: message }));
        onError(`Validation failed: ${message}`);
      } finally {
        if (abort.current === controller) abort.current = null;
      }
    },
    [onError],
  );

  const invalidate = useCallback((path: string) => {
    const key = topKey(path);
    setResults((m) => {
      let changed = false;
      const next = new Map(m);
      for (const [group, report] of m) {
        const kept = report.findings.filter((f) => !f.fields.some((field) => topKey(field) === key));
        if (kept.length !== report.findings.length) {
          changed = true;
          next.set(group, { ...report, findings: kept });
        }
      }
      return changed ? next : m;
    });
  }, []);

  const reset = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setRun(null);
    setResults(new Map());
  }, []);

  return { run, results, start, cancel, reset, invalidate };
}

async function readNdjson(res: Response, onEvent: (event: Record<string, unknown>) => void): Promise<void> {
  if (!res.body) throw new Error('The server sent no validation stream.');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (line) onEvent(JSON.parse(line) as Record<string, unknown>);
    }
    if (done) break;
  }
  if (buffer.trim()) onEvent(JSON.parse(buffer) as Record<string, unknown>);
}
