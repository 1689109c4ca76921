import { flag, isObject } from '../config/values';
import { error } from '../report/findings';
import type { Finding } from '../report/types';
import { executorListRules, executorRules } from './build-executors';
import { defineFieldGroup } from './define';
import { checkPositiveInt, optionalString, requireString, typeFinding } from './value-checks';

/**
 * The build manager: `BUILD_MANAGER: [<lifecycle>, {<settings>}]`, read by buildman/builder.py when
 * FEATURE_BUILD_SUPPORT is on. Each shape problem is its own finding on its own path, where
 * config-tool said "Incorrect format for value BUILD_MANAGER" (and wrongly accepted a one-entry map).
 */
export const buildManager = defineFieldGroup({
  id: 'BuildManager',
  title: 'Build manager',
  keys: ['FEATURE_BUILD_SUPPORT', 'BUILD_MANAGER'],
  skipReason: ({ config }) => (flag(config, 'FEATURE_BUILD_SUPPORT', false) ? null : 'FEATURE_BUILD_SUPPORT is off'),
  rules: ({ config }) => buildManagerRules(config.BUILD_MANAGER),
});

/** Lifecycles buildman/builder.py knows: `ephemeral` runs builders, `external` leaves them to others. */
const LIFECYCLES = ['ephemeral', 'external'];

function buildManagerRules(value: unknown): Finding[] {
  const key = 'BUILD_MANAGER';
  if (value === undefined || value === null) {
    return [
      error(key, 'BUILD_MANAGER is required when FEATURE_BUILD_SUPPORT is enabled: without it the build manager does not start and builds stay queued', {
        code: 'required',
        hint: 'BUILD_MANAGER: [ephemeral, {ALLOWED_WORKER_COUNT: 1, ORCHESTRATOR_PREFIX: buildman/production/, ORCHESTRATOR: {REDIS_HOST: …}, EXECUTORS: [{EXECUTOR: kubernetes, …}]}]',
      }),
    ];
  }
  if (!Array.isArray(value)) {
    const oneEntryMap = isObject(value) && Object.keys(value).length === 1;
    return [
      error(key, 'BUILD_MANAGER must be a two-item list: [lifecycle, {settings}]', {
        code: 'invalid-shape',
        hint: oneEntryMap ? `write it as a list: BUILD_MANAGER: [${Object.keys(value)[0]}, {…}]` : 'e.g. BUILD_MANAGER: [ephemeral, {…}]',
      }),
    ];
  }
  const lifecycle = value[0];
  if (typeof lifecycle !== 'string' || !LIFECYCLES.includes(lifecycle)) {
    return [
      error(`${key}[0]`, `BUILD_MANAGER[0] must be ${LIFECYCLES.join(' or ')}, got ${JSON.stringify(lifecycle) ?? 'nothing'}`, {
        code: 'invalid-value',
        hint: 'Quay silently does not start a build manager for any other value',
      }),
    ];
  }
  if (lifecycle === 'external') return [];
  const settings = value[1];
  if (!isObject(settings)) {
    return [error(`${key}[1]`, 'BUILD_MANAGER[1] must be the settings object of the ephemeral build manager', { code: 'invalid-shape' })];
  }
  const path = `${key}[1]`;
  return [
    ...checkPositiveInt(settings, 'ALLOWED_WORKER_COUNT', `${path}.ALLOWED_WORKER_COUNT`),
    ...(settings.ALLOWED_WORKER_COUNT != null && typeof settings.ALLOWED_WORKER_COUNT !== 'number' ? [typeFinding(`${path}.ALLOWED_WORKER_COUNT`, 'a positive integer')] : []),
    ...optionalString(settings, 'ORCHESTRATOR_PREFIX', `${path}.ORCHESTRATOR_PREFIX`),
    ...orchestratorRules(settings.ORCHESTRATOR, `${path}.ORCHESTRATOR`),
    ...executorsRules(settings, path),
  ];
}

/**
 * buildman/orchestrator.py: the orchestrator is named by the prefix of its keys (`REDIS_…`), and
 * a key ending in `_PREFIX` is the legacy layout it refuses ("legacy prefix used").
 */
function orchestratorRules(o: unknown, path: string): Finding[] {
  if (o === undefined || o === null)
    return [
      error(path, `${path} is required: the ephemeral build manager keeps its jobs in Redis`, {
        code: 'required',
        hint: 'ORCHESTRATOR: {REDIS_HOST: <host>, REDIS_PASSWORD: <password>, REDIS_SSL: false}',
      }),
    ];
  if (!isObject(o)) return [typeFinding(path, 'an object with REDIS_HOST, REDIS_PASSWORD, …')];
  const findings: Finding[] = [];
  for (const k of Object.keys(o)) {
    if (k.endsWith('_PREFIX')) {
      findings.push(
        error(`${path}.${k}`, `${path}.${k} is the legacy layout: Quay refuses it ("legacy prefix used, use ORCHESTRATOR_PREFIX instead")`, {
          code: 'legacy-prefix',
          hint: 'move the value to BUILD_MANAGER[1].ORCHESTRATOR_PREFIX',
        }),
      );
    } else if (!k.startsWith('REDIS_')) {
      findings.push(error(`${path}.${k}`, `${path}.${k} is not a Redis orchestrator setting (keys start with REDIS_)`, { code: 'invalid-key' }));
    }
  }
  findings.push(...requireString(o, 'REDIS_HOST', `${path}.REDIS_HOST`, { reportType: true }), ...optionalString(o, 'REDIS_PASSWORD', `${path}.REDIS_PASSWORD`));
  for (const k of ['REDIS_SSL', 'REDIS_SKIP_KEYSPACE_EVENT_SETUP']) {
    if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'boolean') findings.push(typeFinding(`${path}.${k}`, 'true or false'));
  }
  const port = o.REDIS_PORT;
  if (port !== undefined && port !== null && !(typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536)) {
    findings.push(typeFinding(`${path}.REDIS_PORT`, 'a port number'));
  }
  return findings;
}

/** EXECUTORS (a non-empty list), or the legacy single EXECUTOR + EXECUTOR_CONFIG. */
function executorsRules(settings: Record<string, unknown>, path: string): Finding[] {
  const list = settings.EXECUTORS;
  const listPath = `${path}.EXECUTORS`;
  if (Array.isArray(list) && list.length > 0) return executorListRules(list, listPath);
  if ((list === undefined || list === null) && settings.EXECUTOR !== undefined) {
    return executorRules(settings.EXECUTOR_CONFIG, `${path}.EXECUTOR_CONFIG`, { value: settings.EXECUTOR, path: `${path}.EXECUTOR` });
  }
  if (list !== undefined && list !== null && !Array.isArray(list)) return [typeFinding(listPath, 'a list of executors')];
  return [error(listPath, `${listPath} must list at least one executor (kubernetes, kubernetesPodman, ec2 or popen)`, { code: 'required' })];
}
