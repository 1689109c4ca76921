import type { ConfigMap } from '../config/values';
import type { Deployment } from '../k8s/managed-components';
import type { QuayRelease } from '../schema/releases';
import type { ProbeContext } from '../probes/context';
import type { BundleFiles } from '../bundle/types';
import type { FieldGroupId, Finding } from '../report/types';

/** What offline rules see: the parsed config and the bundle's files. Pure data. */
export interface RuleContext {
  config: ConfigMap;
  files: BundleFiles;
  /** The clock, injectable so certificate-expiry rules are testable. */
  now: Date;
  /** The Quay release the config is judged for; the newest when absent (`lib/schema/releases.ts`). */
  release?: QuayRelease;
  /** Under Quay's operator: the components it manages. Absent for a standalone Quay. */
  deployment?: Deployment;
}

/** A live network check, described by a group and run (or not) by the pipeline. */
export interface Probe {
  /** Short label for progress displays, e.g. `BUILDLOGS_REDIS` or `storage location "default"`. */
  name: string;
  /** Keys it tests; the probe is skipped when an offline rule already failed on one of them. */
  fields: string[];
  /** Never throws for a bad config or a dead service: every failure is a finding. */
  run(ctx: ProbeContext): Promise<Finding[]>;
}

/**
 * A field group (design.md §3): the keys it owns, when it applies, its offline rules and its live
 * probes. Rules are pure and synchronous; a wrong type anywhere is a finding, never a throw.
 */
export interface FieldGroup<Id extends FieldGroupId = FieldGroupId> {
  id: Id;
  title: string;
  /** Top-level keys this group owns (schema type errors on them are reported by this group). */
  keys: readonly string[];
  /** Owns every top-level key that matches, e.g. the `<ID>_LOGIN_CONFIG` OIDC providers. */
  keyPattern?: RegExp;
  /** Why the group does not apply to this config (e.g. feature off), or null when it does. */
  skipReason(ctx: RuleContext): string | null;
  rules(ctx: RuleContext): Finding[];
  probes?(ctx: RuleContext): Probe[];
}

/**
 * Identity helper that gives every group module the same checked shape. It keeps the literal `id`
 * (`FieldGroup<'Redis'>`), so the registry can check that it holds one group per id.
 */
export function defineFieldGroup<const Id extends FieldGroupId>(group: FieldGroup<Id>): FieldGroup<Id> {
  return group;
}
