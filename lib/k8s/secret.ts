import { stringify } from 'yaml';
import { EXTRA_CA_DIR } from '../bundle/entry-names';
import type { Bundle } from '../bundle/types';
import { archiveMembers } from '../bundle/write';
import { configKeyProblem, dns1123LabelProblem, dns1123SubdomainProblem } from './names';

/**
 * The bundle as the Kubernetes Secret Quay's operator takes as `spec.configBundleSecret`: one data
 * key per file. A Secret is flat, so `extra_ca_certs/<name>` becomes `extra_ca_cert_<name>`: the
 * form the operator's documentation and config-tool use, and one that Quay's `certs_install.sh`
 * installs (it trusts every top-level `extra_ca*` file of /conf/stack). The legacy config app's
 * `extra_ca_certs_` prefix would work too; one spelling is used so names never collide.
 */
export const FLAT_EXTRA_CA_PREFIX = 'extra_ca_cert_';

/** Kubernetes refuses objects whose data (etcd value) exceeds 1 MiB. */
export const MAX_SECRET_DATA_BYTES = 1024 * 1024;

export interface SecretTarget {
  name: string;
  namespace?: string;
}

/** A name or a bundle that cannot become a Secret; `kind` tells a bad argument from bad content. */
export class K8sSecretError extends Error {
  constructor(
    message: string,
    readonly kind: 'name' | 'content',
  ) {
    super(message);
    this.name = 'K8sSecretError';
  }
}

/** The Secret's data key for a bundle file: top-level names as they are, CA files flattened. */
export function secretKeyForFile(file: string): string {
  return file.startsWith(`${EXTRA_CA_DIR}/`) ? FLAT_EXTRA_CA_PREFIX + file.slice(EXTRA_CA_DIR.length + 1) : file;
}

/** Checks the Secret's name (DNS-1123 subdomain) and namespace (DNS-1123 label). */
export function checkSecretTarget(target: SecretTarget): void {
  const nameProblem = dns1123SubdomainProblem(target.name);
  if (nameProblem) throw new K8sSecretError(`Secret name ${JSON.stringify(target.name)} ${nameProblem}`, 'name');
  if (target.namespace !== undefined) {
    const nsProblem = dns1123LabelProblem(target.namespace);
    if (nsProblem) throw new K8sSecretError(`namespace ${JSON.stringify(target.namespace)} ${nsProblem}`, 'name');
  }
}

/**
 * The Secret's data: `config.yaml` exactly as the archive writer renders it (an unedited config
 * byte for byte) and every other file, in the archive's order. Throws a K8sSecretError for a file
 * name Kubernetes refuses as a key, two files that flatten to the same key, or data over 1 MiB.
 */
export function secretData(bundle: Bundle): Map<string, Buffer> {
  const data = new Map<string, Buffer>();
  const from = new Map<string, string>();
  let total = 0;
  for (const member of archiveMembers(bundle)) {
    if (member.type !== 'File') continue;
    const key = secretKeyForFile(member.name);
    const problem = configKeyProblem(key);
    if (problem) throw new K8sSecretError(`bundle file ${JSON.stringify(member.name)} cannot be a Secret key: ${JSON.stringify(key)} ${problem}`, 'content');
    const clash = from.get(key);
    if (clash !== undefined) {
      throw new K8sSecretError(`bundle files ${JSON.stringify(clash)} and ${JSON.stringify(member.name)} would both be Secret key ${JSON.stringify(key)}`, 'content');
    }
    from.set(key, member.name);
    data.set(key, member.data);
    total += member.data.length;
  }
  if (total > MAX_SECRET_DATA_BYTES) {
    throw new K8sSecretError(`the bundle's files add up to ${total} bytes; a Kubernetes Secret holds at most ${MAX_SECRET_DATA_BYTES} bytes`, 'content');
  }
  return data;
}

/** The Secret manifest (YAML, `data:` base64) for `kubectl apply -f`. */
export function renderK8sSecret(bundle: Bundle, target: SecretTarget): string {
  checkSecretTarget(target);
  const data = secretData(bundle);
  const metadata: Record<string, unknown> = { name: target.name };
  if (target.namespace !== undefined) metadata.namespace = target.namespace;
  const manifest = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata,
    type: 'Opaque',
    data: Object.fromEntries([...data].map(([key, bytes]) => [key, bytes.toString('base64')])),
  };
  const header = ['# Quay config bundle as a Secret for the Quay operator (QuayRegistry spec.configBundleSecret).', `# Files: ${[...data.keys()].join(', ')}`, ''].join('\n');
  // kubectl reads YAML 1.1 (sigs.k8s.io/yaml): writing 1.1 quotes a key such as `yes` or `on`
  // that would otherwise turn into a boolean there.
  return header + stringify(manifest, { lineWidth: 0, version: '1.1' });
}
