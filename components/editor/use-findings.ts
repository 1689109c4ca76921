'use client';

import { useMemo } from 'react';
import type { FieldGroupId, GroupReport } from '@/lib/report/types';
import { flattenGroups, homeSection, uniqueFindings, type GroupFinding } from './findings';
import type { FormModel } from './form-model';

/** Per-section counts for the navigation. */
export interface SectionStatus {
  errors: number;
  warnings: number;
  /** Every group of the section was validated and none failed. */
  passed: boolean;
}

/**
 * All findings on screen: the latest server result of each group plus the as-you-type checks,
 * one per key and problem, each assigned to the section that lists it.
 */
export function useFindings(model: FormModel, client: readonly GroupFinding[], results: ReadonlyMap<FieldGroupId, GroupReport>) {
  return useMemo(() => {
    const sectionOfKey = new Map(model.keys.map((k) => [k.key, k.section]));
    const all = uniqueFindings([...flattenGroups([...results.values()]), ...client]).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const bySection = new Map<string, GroupFinding[]>();
    const home = new Map<GroupFinding, string>();
    for (const f of all) {
      const s = homeSection(f, model, sectionOfKey);
      home.set(f, s);
      bySection.set(s, [...(bySection.get(s) ?? []), f]);
    }
    const status = new Map<string, SectionStatus>();
    for (const s of model.sections) {
      const list = bySection.get(s.id) ?? [];
      const reports = s.groups.map((g) => results.get(g));
      const ran = reports.filter((r) => r !== undefined && r.status !== 'skipped');
      status.set(s.id, {
        errors: list.filter((f) => f.severity === 'error').length,
        warnings: list.filter((f) => f.severity === 'warning').length,
        // Validated: every group reported, at least one really ran, and nothing failed.
        passed: reports.every((r) => r !== undefined) && ran.length > 0 && ran.every((r) => r?.status !== 'error') && !list.some((f) => f.severity === 'error'),
      });
    }
    return { all, bySection, status, homeOf: (f: GroupFinding) => home.get(f) ?? 'advanced' };
  }, [model, client, results]);
}
