import { isObject } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { optionalString, optionalStringList, requireString, typeFinding } from './value-checks';

/**
 * Rules for the build executors of `BUILD_MANAGER[1].EXECUTORS`, as buildman/manager/executor.py
 * reads them: keys read with `executor_config["…"]` are required (a missing one fails every build
 * with a KeyError), keys with a default get at most a warning.
 */

/** Executor kinds and the class name Quay uses as the default executor NAME. */
const EXECUTOR_CLASSES: Record<string, string> = {
  popen: 'PopenExecutor',
  ec2: 'EC2Executor',
  kubernetes: 'KubernetesExecutor',
  kubernetesPodman: 'KubernetesPodmanExecutor',
};

/** Rules for every executor of a list, plus unique names (Quay: "Executor with name … already registered"). */
export function executorListRules(executors: unknown[], path: string): Finding[] {
  const findings = executors.flatMap((e, i) => executorRules(e, `${path}[${i}]`));
  const names = new Map<string, string[]>();
  executors.forEach((e, i) => {
    if (!isObject(e)) return;
    const kind = typeof e.EXECUTOR === 'string' ? e.EXECUTOR : '';
    const name = typeof e.NAME === 'string' && e.NAME !== '' ? e.NAME : EXECUTOR_CLASSES[kind];
    if (name) names.set(name, [...(names.get(name) ?? []), `${path}[${i}].NAME`]);
  });
  for (const [name, fields] of names) {
    if (fields.length > 1) {
      findings.push(
        error(fields, `${fields.length} executors are named "${name}": Quay's build manager refuses to start ("Executor with name ${name} already registered")`, {
          code: 'duplicate-executor-name',
          hint: 'give each executor a distinct NAME',
        }),
      );
    }
  }
  return findings;
}

/**
 * Rules for one executor object. Its kind is its EXECUTOR key, or for the legacy single-executor
 * form (`EXECUTOR` + `EXECUTOR_CONFIG` in the manager settings) the given `legacyKind`.
 */
export function executorRules(e: unknown, path: string, legacyKind?: { value: unknown; path: string }): Finding[] {
  if (!isObject(e)) return [error(path, `${path} must be an object with an EXECUTOR key`, { code: 'invalid-type' })];
  const kind = legacyKind ? legacyKind.value : e.EXECUTOR;
  const kindPath = legacyKind ? legacyKind.path : `${path}.EXECUTOR`;
  if (kind === undefined || kind === null) return [error(kindPath, `${kindPath} is required (one of ${Object.keys(EXECUTOR_CLASSES).join(', ')})`, { code: 'required' })];
  if (typeof kind !== 'string' || !(kind in EXECUTOR_CLASSES)) {
    return [
      error(kindPath, `${kindPath} must be one of ${Object.keys(EXECUTOR_CLASSES).join(', ')}, got ${JSON.stringify(kind)}`, {
        code: 'invalid-value',
        hint: 'Quay logs "Unknown executor" and skips it, so builds would never start on it',
      }),
    ];
  }
  const findings: Finding[] = [
    ...optionalString(e, 'NAME', `${path}.NAME`),
    ...nonNegativeInts(e, path, ['SETUP_TIME', 'MINIMUM_RETRY_THRESHOLD', 'MAX_LIFETIME_S']),
    ...optionalStringList(e, 'SSH_AUTHORIZED_KEYS', `${path}.SSH_AUTHORIZED_KEYS`),
  ];
  if (kind === 'ec2' || kind === 'kubernetes') {
    // generate_cloud_config() reads these with [] for the builder VM's cloud-config.
    findings.push(...['QUAY_USERNAME', 'QUAY_PASSWORD', 'WORKER_TAG'].flatMap((k) => requireString(e, k, `${path}.${k}`, { reportType: true })));
  }
  if (kind === 'ec2') findings.push(...ec2Rules(e, path));
  if (kind === 'kubernetes' || kind === 'kubernetesPodman') findings.push(...kubernetesRules(e, path));
  return findings;
}

function ec2Rules(e: Record<string, unknown>, path: string): Finding[] {
  const findings = ['EC2_REGION', 'AWS_ACCESS_KEY', 'AWS_SECRET_KEY', 'EC2_INSTANCE_TYPE'].flatMap((k) => requireString(e, k, `${path}.${k}`, { reportType: true }));
  if (e.COREOS_AMI === undefined || e.COREOS_AMI === null) {
    findings.push(
      warning(`${path}.COREOS_AMI`, `${path}.COREOS_AMI is not set: Quay looks the AMI up in the Fedora CoreOS stream at every build, which needs internet access`, {
        code: 'coreos-ami-missing',
      }),
    );
  }
  if (e.EC2_VPC_SUBNET_ID !== undefined && e.EC2_VPC_SUBNET_ID !== null) {
    const groups = e.EC2_SECURITY_GROUP_IDS;
    const gPath = `${path}.EC2_SECURITY_GROUP_IDS`;
    if (!Array.isArray(groups) || groups.length === 0) {
      findings.push(error(gPath, `${gPath} must list security groups when EC2_VPC_SUBNET_ID is set`, { code: 'required' }));
    } else {
      findings.push(...optionalStringList(e, 'EC2_SECURITY_GROUP_IDS', gPath));
    }
  }
  return findings;
}

function kubernetesRules(e: Record<string, unknown>, path: string): Finding[] {
  const server = `${path}.K8S_API_SERVER`;
  // Quay defaults to localhost:8080, which is never the API server from inside Quay's container.
  const findings = requireString(e, 'K8S_API_SERVER', server, { reportType: true });
  if (typeof e.K8S_API_SERVER === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(e.K8S_API_SERVER.trim())) {
    findings.push(
      error(server, `${server} must be host[:port] without a scheme: Quay prepends http:// or https:// itself`, {
        code: 'invalid-value',
        hint: `use ${e.K8S_API_SERVER.trim()
          .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
          .replace(/\/+$/, '')}`,
      }),
    );
  }
  if (e.BUILDER_NAMESPACE === undefined || e.BUILDER_NAMESPACE === null) {
    findings.push(warning(`${path}.BUILDER_NAMESPACE`, `${path}.BUILDER_NAMESPACE is not set: builds run in the namespace "builder"`, { code: 'default-used' }));
  } else {
    findings.push(...optionalString(e, 'BUILDER_NAMESPACE', `${path}.BUILDER_NAMESPACE`));
  }
  findings.push(...oneOf(e, 'KUBERNETES_DISTRIBUTION', path, ['basic', 'openshift'], true), ...oneOf(e, 'CONTAINER_RUNTIME', path, ['docker', 'podman'], false));
  const token = typeof e.SERVICE_ACCOUNT_TOKEN === 'string' && e.SERVICE_ACCOUNT_TOKEN !== '';
  const cert = typeof e.K8S_API_TLS_CERT === 'string' && e.K8S_API_TLS_CERT !== '' && typeof e.K8S_API_TLS_KEY === 'string' && e.K8S_API_TLS_KEY !== '';
  if (!token && !cert) {
    findings.push(
      warning(`${path}.SERVICE_ACCOUNT_TOKEN`, `${path} has no SERVICE_ACCOUNT_TOKEN nor K8S_API_TLS_CERT/K8S_API_TLS_KEY: Quay talks to the Kubernetes API over plain http:// without credentials`, {
        code: 'k8s-unauthenticated',
        hint: 'set SERVICE_ACCOUNT_TOKEN to a token of a service account allowed to create jobs in the builder namespace',
      }),
    );
  }
  return findings;
}

function oneOf(e: Record<string, unknown>, key: string, path: string, allowed: string[], caseInsensitive: boolean): Finding[] {
  const v = e[key];
  if (v === undefined || v === null) return [];
  const p = `${path}.${key}`;
  if (typeof v !== 'string') return [typeFinding(p, 'a string')];
  const norm = caseInsensitive ? v.toLowerCase() : v;
  return allowed.includes(norm) ? [] : [error(p, `${p} must be one of ${allowed.join(', ')}, got "${v}"`, { code: 'invalid-value' })];
}

function nonNegativeInts(e: Record<string, unknown>, path: string, keys: string[]): Finding[] {
  return keys.flatMap((k) => {
    const v = e[k];
    if (v === undefined || v === null) return [];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? [] : [typeFinding(`${path}.${k}`, 'a non-negative integer')];
  });
}
