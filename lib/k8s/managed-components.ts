import type { BundleFiles } from '../bundle/types';
import type { ConfigMap } from '../config/values';
import type { FieldGroupId } from '../report/types';

/**
 * The QuayRegistry components of Quay's operator (quay/quay-operator `apis/quay/v1/
 * quayregistry_types.go`). A managed component is deployed and configured by the operator: the keys
 * it writes are not the bundle's to supply, and the bundle must not set its field group either
 * (`validateHasNecessaryConfig` blocks the rollout with "<kind> component marked as managed, but
 * `configBundleSecret` contains required fields"), except for `route` and `mirror`
 * (`ComponentSupportsConfigWhenManaged`).
 */
export const COMPONENT_KINDS = ['quay', 'postgres', 'redis', 'objectstorage', 'route', 'tls', 'clair', 'clairpostgres', 'horizontalpodautoscaler', 'mirror', 'monitoring'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

interface ComponentRules {
  /** The field group the operator fills in for it (`FieldGroupNameFor`); its checks do not apply. */
  fieldGroup?: FieldGroupId;
  /** config-tool's `Fields()` of that group: the operator's test for "the bundle configures it". */
  fields?: readonly string[];
  /** Bundle files that configure it (the `tls` component: a certificate pair). */
  files?: readonly string[];
  /** Keys and files the operator writes when it manages the component. */
  supplies: readonly string[];
  /** The bundle may configure it although it is managed (`ComponentSupportsConfigWhenManaged`). */
  configAllowed?: boolean;
  /** Unmanaged, the bundle must configure it (`requiredComponents`). */
  required?: boolean;
}

const RULES: Record<ComponentKind, ComponentRules> = {
  // The operator's base config and its managed-secret-keys Secret (pkg/kustomize/secrets.go).
  quay: { supplies: ['SECRET_KEY', 'DATABASE_SECRET_KEY', 'SETUP_COMPLETE'], configAllowed: true },
  postgres: { fieldGroup: 'Database', fields: ['DB_CONNECTION_ARGS', 'DB_URI'], supplies: ['DB_URI'], required: true },
  redis: {
    fieldGroup: 'Redis',
    fields: ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS'],
    supplies: ['BUILDLOGS_REDIS', 'USER_EVENTS_REDIS'],
    required: true,
  },
  objectstorage: {
    fieldGroup: 'DistributedStorage',
    fields: ['DISTRIBUTED_STORAGE_CONFIG', 'DISTRIBUTED_STORAGE_PREFERENCE', 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS', 'FEATURE_STORAGE_REPLICATION'],
    supplies: ['DISTRIBUTED_STORAGE_CONFIG', 'DISTRIBUTED_STORAGE_PREFERENCE', 'DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS'],
    required: true,
  },
  route: {
    fieldGroup: 'HostSettings',
    fields: ['EXTERNAL_TLS_TERMINATION', 'PREFERRED_URL_SCHEME', 'SERVER_HOSTNAME'],
    supplies: ['SERVER_HOSTNAME', 'PREFERRED_URL_SCHEME'],
    configAllowed: true,
    required: true,
  },
  tls: { files: ['ssl.cert', 'ssl.key'], supplies: ['ssl.cert', 'ssl.key'], required: true },
  clair: {
    fieldGroup: 'SecurityScanner',
    fields: [
      'FEATURE_SECURITY_SCANNER',
      'SECURITY_SCANNER_ENDPOINT',
      'SECURITY_SCANNER_INDEXING_INTERVAL',
      'SECURITY_SCANNER_NOTIFICATIONS',
      'SECURITY_SCANNER_V4_ENDPOINT',
      'SECURITY_SCANNER_V4_NAMESPACE_WHITELIST',
    ],
    supplies: ['FEATURE_SECURITY_SCANNER', 'SECURITY_SCANNER_V4_ENDPOINT', 'SECURITY_SCANNER_V4_PSK', 'SECURITY_SCANNER_NOTIFICATIONS'],
  },
  // Configured by a Clair config in the bundle (`clair-config.yaml` with a connstring).
  clairpostgres: { files: ['clair-config.yaml'], supplies: [] },
  horizontalpodautoscaler: { supplies: [] },
  mirror: {
    fieldGroup: 'RepoMirror',
    fields: ['FEATURE_REPO_MIRROR', 'REPO_MIRROR_INTERVAL', 'REPO_MIRROR_SERVER_HOSTNAME', 'REPO_MIRROR_TLS_VERIFY'],
    supplies: [],
    configAllowed: true,
  },
  monitoring: { supplies: [] },
};

/** Where the config runs: on its own, or under the operator with these components managed. */
export interface Deployment {
  managed: ReadonlySet<ComponentKind>;
}

export function isComponentKind(name: string): name is ComponentKind {
  return (COMPONENT_KINDS as readonly string[]).includes(name);
}

/**
 * `--operator`: the operator's defaults for undeclared components (`EnsureDefaultComponents`), on a
 * cluster with routes, object storage and monitoring: everything managed, except `tls` when the
 * bundle brings its own certificate pair.
 */
export function operatorDefaults(files: Pick<BundleFiles, 'has'>): Deployment {
  const managed = new Set<ComponentKind>(COMPONENT_KINDS);
  if (files.has('ssl.cert') && files.has('ssl.key')) managed.delete('tls');
  return { managed };
}

/** `--managed postgres,redis`: those managed, the rest not (`quay` always is). */
export function deploymentFromList(kinds: readonly ComponentKind[]): Deployment {
  return { managed: new Set<ComponentKind>(['quay', ...kinds]) };
}

/** What a component does to one field group under this deployment. */
export type GroupManagement = { kind: 'supplied'; component: ComponentKind } | OperatorProblem;

/** A bundle the operator refuses: it configures a managed component, or not a required unmanaged one. */
export interface OperatorProblem {
  kind: 'clash' | 'missing';
  component: ComponentKind;
  fields: readonly string[];
  /** The operator's own message, where it has a special one. */
  message?: string;
}

/** Keys of `fields` the bundle sets (the operator tests presence only, not the value). */
function presentFields(config: ConfigMap, files: BundleFiles, rules: ComponentRules): string[] {
  const keys = (rules.fields ?? []).filter((k) => Object.hasOwn(config, k));
  const fileNames = rules.files ?? [];
  // The operator counts a certificate pair only when both halves are there.
  const withFiles = fileNames.length > 0 && fileNames.every((f) => files.has(f)) ? [...fileNames] : [];
  return [...keys, ...withFiles];
}

/**
 * How the operator treats a field group: filled in by a managed component (its checks are moot),
 * clashing with one (the operator refuses the bundle), or left to a bundle that does not configure a
 * required unmanaged component. Null when the operator has nothing to say about the group.
 */
export function groupManagement(group: FieldGroupId, config: ConfigMap, files: BundleFiles, deployment: Deployment): GroupManagement | null {
  for (const kind of COMPONENT_KINDS) {
    const rules = RULES[kind];
    if (rules.fieldGroup !== group) continue;
    const present = presentFields(config, files, rules);
    if (deployment.managed.has(kind)) {
      if (present.length > 0 && !rules.configAllowed) return { kind: 'clash', component: kind, fields: present };
      if (present.length === 0) return { kind: 'supplied', component: kind };
      return null;
    }
    if (rules.required && present.length === 0) return { kind: 'missing', component: kind, fields: rules.fields ?? [] };
  }
  return null;
}

/** Components configured by bundle files rather than keys, and the group their verdict goes with. */
const FILE_COMPONENTS: readonly { kind: ComponentKind; group: FieldGroupId }[] = [
  { kind: 'tls', group: 'HostSettings' },
  { kind: 'clairpostgres', group: 'SecurityScanner' },
];

/** True when the bundle configures the component (for clairpostgres: a Clair config with a connstring). */
function configuredByFiles(kind: ComponentKind, config: ConfigMap, files: BundleFiles): boolean {
  if (kind !== 'clairpostgres') return presentFields(config, files, RULES[kind]).length > 0;
  const clairConfig = files.get('clair-config.yaml');
  return clairConfig !== undefined && /^\s*connstring\s*:\s*\S/m.test(new TextDecoder().decode(clairConfig));
}

/** The operator's verdict on the file-configured components whose findings belong to `group`. */
export function fileComponentProblems(group: FieldGroupId, config: ConfigMap, files: BundleFiles, deployment: Deployment): OperatorProblem[] {
  const out: OperatorProblem[] = [];
  for (const { kind } of FILE_COMPONENTS.filter((c) => c.group === group)) {
    const rules = RULES[kind];
    const configured = configuredByFiles(kind, config, files);
    const fields = rules.files ?? [];
    if (deployment.managed.has(kind)) {
      if (configured) out.push({ kind: 'clash', component: kind, fields });
    } else if (!configured && rules.required) {
      out.push({ kind: 'missing', component: kind, fields });
    } else if (!configured && kind === 'clairpostgres' && deployment.managed.has('clair')) {
      // controllers/quay/validate.go: a managed Clair needs a database, the operator's or the bundle's.
      out.push({ kind: 'missing', component: kind, fields, message: 'clairpostgres component unmanaged but no clair postgres config provided' });
    }
  }
  return out;
}

/** Keys and files the managed components write: a missing one is not the bundle's problem. */
export function suppliedKeys(deployment: Deployment): Set<string> {
  return new Set([...deployment.managed].flatMap((kind) => RULES[kind].supplies));
}

/** What the user asked for: the operator's defaults (`--operator`), or an explicit managed list. */
export type DeploymentRequest = 'operator' | readonly ComponentKind[];

/** The deployment for a request, given the bundle (the operator's defaults depend on its files). */
export function resolveDeployment(request: DeploymentRequest, files: BundleFiles): Deployment {
  return request === 'operator' ? operatorDefaults(files) : deploymentFromList(request);
}

/** Field groups whose keys the bundle keeps when their component is managed: the operator needs SERVER_HOSTNAME. */
export const GROUPS_KEPT_WHEN_MANAGED: ReadonlySet<FieldGroupId> = new Set(['HostSettings']);

/**
 * The components managed under an operator that made these field groups read-only in its config
 * editor (quay-operator passes the field groups of its managed components, `FieldGroupNameFor`).
 * Components without a field group cannot be told from that list: they take the operator's defaults
 * (`operatorDefaults`): managed, except `tls` when the bundle brings its own certificate pair.
 */
export function componentsOfReadonlyGroups(groups: readonly string[], files: Pick<BundleFiles, 'has'>): ComponentKind[] {
  const defaults = operatorDefaults(files).managed;
  return COMPONENT_KINDS.filter((kind) => {
    const group = RULES[kind].fieldGroup;
    return group !== undefined ? groups.includes(group) : defaults.has(kind);
  });
}

/** `postgres,redis` → component kinds; an unknown name is an error message naming the known ones. */
export function parseComponentList(text: string): { ok: true; kinds: ComponentKind[] } | { ok: false; error: string } {
  const names = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.filter((n) => !isComponentKind(n));
  if (bad.length) return { ok: false, error: `unknown QuayRegistry component(s): ${bad.join(', ')}; known: ${COMPONENT_KINDS.join(', ')}` };
  return { ok: true, kinds: names as ComponentKind[] };
}

/**
 * The operator's base config (`pkg/kustomize/secrets.go` `BaseConfig`): values it writes for keys the
 * bundle leaves out. Quay runs with them, so rules must see them (e-mail is off, not "on by default").
 */
const OPERATOR_BASE_CONFIG: ConfigMap = {
  SETUP_COMPLETE: true,
  FEATURE_MAILING: false,
  REGISTRY_TITLE: 'Quay',
  REGISTRY_TITLE_SHORT: 'Quay',
  AUTHENTICATION_TYPE: 'Database',
  DEFAULT_TAG_EXPIRATION: '2w',
  ALLOW_PULLS_WITHOUT_STRICT_LOGGING: false,
  TAG_EXPIRATION_OPTIONS: ['2w'],
  TEAM_RESYNC_STALE_TIME: '60m',
  FEATURE_DIRECT_LOGIN: true,
  FEATURE_BUILD_SUPPORT: false,
  TESTING: false,
};

/** The config Quay runs with under the operator: the bundle over the operator's base config. */
export function operatorView(config: ConfigMap, deployment: Deployment): ConfigMap {
  const route: ConfigMap = deployment.managed.has('route') ? { PREFERRED_URL_SCHEME: 'https' } : {};
  return { ...OPERATOR_BASE_CONFIG, ...route, ...config };
}
