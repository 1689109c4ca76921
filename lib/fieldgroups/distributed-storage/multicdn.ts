import { isObject } from '../../config/values';
import { error } from '../../report/findings';
import type { Finding } from '../../report/types';
import { akamaiS3Storage } from './akamai';
import { cloudFlareStorage } from './cloudflare';
import { cloudFrontedS3Storage } from './cloudfront';
import { checkParams, locationPath, paramPath, type EngineSpec, type ParamPaths, type StorageLocation } from './engine';
import { checkS3Connection, S3_PARAMS, s3ProbeRun, type S3Params } from './s3';

/**
 * MultiCDNStorage(context, storage_config, providers, default_provider, rules)
 * (storage/multicdnstorage.py): one S3 bucket (`storage_config`) served through several CDN
 * providers, each `[ProviderClass, {config}]` built with `{**storage_config, **config}`; rules pick a
 * provider by namespace, continent or host. The live check is the S3 bucket, through the default
 * provider's configuration.
 */

const PROVIDERS: Readonly<Record<string, EngineSpec>> = {
  CloudFrontedS3Storage: cloudFrontedS3Storage,
  CloudFlareStorage: cloudFlareStorage,
  AkamaiS3Storage: akamaiS3Storage,
};
const RULE_KEYS = ['namespace', 'continent', 'host', 'target'];
const CONTINENTS = ['AF', 'AN', 'AS', 'EU', 'NA', 'OC', 'SA'];

const sub = (loc: StorageLocation, ...parts: string[]) => `${paramPath(loc.name, parts[0] ?? '')}${parts.slice(1).join('')}`;

function check(loc: StorageLocation): Finding[] {
  const findings: Finding[] = [];
  const at = (path: string) => [path, locationPath(loc.name)];
  const storageConfig = isObject(loc.params.storage_config) ? loc.params.storage_config : undefined;
  const providers = isObject(loc.params.providers) ? loc.params.providers : undefined;
  if (storageConfig && Object.keys(storageConfig).length === 0) {
    findings.push(error(at(sub(loc, 'storage_config')), `${sub(loc, 'storage_config')} must hold the S3 configuration (s3_bucket, storage_path, keys, s3_region)`, { code: 'required' }));
  }
  if (providers && Object.keys(providers).length === 0) {
    findings.push(error(at(sub(loc, 'providers')), `${sub(loc, 'providers')} must name at least one CDN provider`, { code: 'required' }));
  }
  const defaultProvider = loc.params.default_provider;
  if (providers && typeof defaultProvider === 'string' && defaultProvider !== '' && !(defaultProvider in providers)) {
    findings.push(
      error(at(sub(loc, 'default_provider')), `${sub(loc, 'default_provider')} "${defaultProvider}" is not one of the providers (${Object.keys(providers).join(', ')})`, { code: 'unknown-provider' }),
    );
  }
  for (const [target, value] of Object.entries(providers ?? {})) {
    const base = sub(loc, 'providers', `.${target}`);
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !isObject(value[1])) {
      findings.push(error(at(base), `${base} must be a pair [ProviderClass, {configuration}]`, { code: 'invalid-provider' }));
      continue;
    }
    const spec = PROVIDERS[value[0]];
    if (!spec) {
      findings.push(error(at(`${base}[0]`), `${base}[0]: "${value[0]}" is not a MultiCDN provider (${Object.keys(PROVIDERS).join(', ')})`, { code: 'unknown-provider' }));
      continue;
    }
    const own = value[1];
    const combined: StorageLocation = { name: loc.name, engine: spec.name, params: { ...(storageConfig ?? {}), ...own } };
    // A parameter is reported where it is, or, when missing, where it belongs: S3 ones in storage_config.
    const where = (k: string) => (k in own || (!(k in (storageConfig ?? {})) && !(k in S3_PARAMS)) ? `${base}[1].${k}` : sub(loc, 'storage_config', `.${k}`));
    const paths: ParamPaths = { path: where, fields: (k) => at(where(k)) };
    findings.push(...checkParams(spec, combined, paths));
  }
  for (const [i, rule] of (Array.isArray(loc.params.rules) ? loc.params.rules : []).entries()) {
    findings.push(...checkRule(loc, rule, i, providers));
  }
  if (storageConfig) findings.push(...checkS3Connection(storageParams(loc, storageConfig)));
  return findings;
}

function checkRule(loc: StorageLocation, rule: unknown, i: number, providers: Record<string, unknown> | undefined): Finding[] {
  const path = sub(loc, 'rules', `[${i}]`);
  const at = [path, locationPath(loc.name)];
  if (!isObject(rule)) return [error(at, `${path} must be a mapping with a target`, { code: 'invalid-rule' })];
  const findings: Finding[] = [];
  for (const k of Object.keys(rule)) {
    if (!RULE_KEYS.includes(k)) findings.push(error(at, `${path}: "${k}" is not a rule key (${RULE_KEYS.join(', ')})`, { code: 'invalid-rule' }));
  }
  const target = rule.target;
  if (typeof target !== 'string' || target === '') findings.push(error(at, `${path} has no target provider`, { code: 'invalid-rule' }));
  else if (providers && !(target in providers)) findings.push(error(at, `${path}: target "${target}" is not one of the providers`, { code: 'unknown-provider' }));
  if (rule.continent !== undefined && !CONTINENTS.includes(String(rule.continent))) {
    findings.push(error(at, `${path}: continent "${String(rule.continent)}" is not one of ${CONTINENTS.join(', ')}`, { code: 'invalid-rule' }));
  }
  return findings;
}

/** The S3 parameters as the default provider sees them: storage_config overlaid with its own. */
function storageParams(loc: StorageLocation, storageConfig: Record<string, unknown>): S3Params {
  const providers = isObject(loc.params.providers) ? loc.params.providers : {};
  const dflt = providers[String(loc.params.default_provider)];
  const own = Array.isArray(dflt) && isObject(dflt[1]) ? dflt[1] : {};
  const merged: Record<string, unknown> = { ...storageConfig, ...own };
  return {
    get: (k) => merged[k],
    path: (k) => sub(loc, 'storage_config', `.${k}`),
    location: locationPath(loc.name),
    label: `storage location "${loc.name}"`,
  };
}

export const multiCDNStorage: EngineSpec = {
  name: 'MultiCDNStorage',
  params: {
    storage_config: { kind: 'object', required: true },
    providers: { kind: 'object', required: true },
    default_provider: { kind: 'string', required: true },
    rules: { kind: 'array', required: true },
  },
  check,
  probe: (loc) => s3ProbeRun(storageParams(loc, isObject(loc.params.storage_config) ? loc.params.storage_config : {})),
};
