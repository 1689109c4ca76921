/**
 * What the operator will see of the bundle, so the wizard serving an operator judges that: the keys
 * of its read-only (managed) field groups are left out, as "Reconfigure Quay" leaves them out
 * (lib/api/operator.ts `stripManagedKeys`), and the managed components are named for the verdicts.
 */
import type { BundleJson } from '@/lib/api/contract';
import { GROUPS_KEPT_WHEN_MANAGED, componentsOfReadonlyGroups, type ComponentKind } from '@/lib/k8s/managed-components';
import type { FieldGroupId } from '@/lib/report/types';

export function operatorView(bundle: BundleJson, readonlyGroups: ReadonlySet<string>, groupOf: (key: string) => string | undefined): { bundle: BundleJson; managed: ComponentKind[] } {
  const stripped = (group: string | undefined) => group !== undefined && readonlyGroups.has(group) && !GROUPS_KEPT_WHEN_MANAGED.has(group as FieldGroupId);
  const config = Object.fromEntries(Object.entries(bundle['config.yaml']).filter(([key]) => !stripped(groupOf(key))));
  const certs = bundle.certs ?? {};
  return { bundle: { 'config.yaml': config, certs }, managed: componentsOfReadonlyGroups([...readonlyGroups], new Set(Object.keys(certs))) };
}
