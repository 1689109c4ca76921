/**
 * The two ways a configuration leaves the editor as a file: `quay-config.tar.gz` for /conf/stack,
 * or a Kubernetes Secret manifest for the Quay operator's `spec.configBundleSecret`. Both are
 * rendered by the server from the same bundle, so they hold the same config.yaml byte for byte.
 */
import type { BundleJson } from '@/lib/api/contract';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '@/lib/k8s/names';
import { saveAs } from '@/components/form/file-data';
import { apiFetch } from './api-client';

/** The Secret's name and namespace as typed (namespace empty: left to `kubectl -n`). */
export interface SecretTarget {
  name: string;
  namespace: string;
}

/** What to download. */
export type ExportChoice = { format: 'tarball' } | ({ format: 'k8s-secret' } & SecretTarget);

/** The Secret name the operator's documentation uses. */
export const DEFAULT_SECRET_NAME = 'quay-config-bundle';

/** Why Kubernetes would refuse the name (a DNS-1123 subdomain) or the namespace (a DNS-1123 label). */
export function secretTargetProblems(target: SecretTarget): { name: string | null; namespace: string | null } {
  const namespace = target.namespace.trim();
  return {
    name: dns1123SubdomainProblem(target.name.trim()),
    namespace: namespace ? dns1123LabelProblem(namespace) : null,
  };
}

/** The name of the file a choice saves. */
export function exportFileName(choice: ExportChoice): string {
  return choice.format === 'tarball' ? 'quay-config.tar.gz' : `${choice.name.trim()}.yaml`;
}

/** Renders the bundle on the server and saves it; throws `ApiError` with the server's message (e.g. a 422 for a file name a Secret cannot hold). */
export async function exportBundle(bundle: BundleJson, choice: ExportChoice): Promise<string> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(bundle) };
  const file = exportFileName(choice);
  if (choice.format === 'tarball') {
    const res = await apiFetch('/api/v2/bundle/download', init);
    saveAs(await res.blob(), file, 'application/gzip');
    return file;
  }
  const query = new URLSearchParams({ name: choice.name.trim() });
  if (choice.namespace.trim()) query.set('namespace', choice.namespace.trim());
  const res = await apiFetch(`/api/v2/bundle/k8s-secret?${query}`, init);
  saveAs(await res.blob(), file, 'application/yaml');
  return file;
}
