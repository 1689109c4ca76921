import { isObject, obj, str } from '../config/values';
import { probeGitHub, type GitHubTarget } from '../probes/github';
import { error, required, warning } from '../report/findings';
import type { Finding } from '../report/types';
import type { Probe, RuleContext } from './define';
import { checkHttpUrl, checkLoginBindingField, requireString } from './value-checks';

/**
 * Rules and probe shared by GitHubLogin (`GITHUB_LOGIN_CONFIG`) and GitHubBuildTrigger
 * (`GITHUB_TRIGGER_CONFIG`): both are a GitHub (Enterprise) OAuth app read by Quay's
 * oauth/services/github.py. Every finding names the key it is about, never the other block
 * (config-tool tagged login errors `GITHUB_TRIGGER_CONFIG.*`).
 */

export type GitHubConfigKey = 'GITHUB_LOGIN_CONFIG' | 'GITHUB_TRIGGER_CONFIG';

/** Offline rules for one GitHub OAuth block; `purpose` names the feature in messages. */
export function githubRules(ctx: RuleContext, key: GitHubConfigKey, purpose: string): Finding[] {
  const value = ctx.config[key];
  if (value === undefined || value === null) return [required(key, `when ${purpose} is enabled`)];
  if (!isObject(value)) return []; // wrong type: reported by the Schema check
  const findings: Finding[] = [
    ...checkHttpUrl(value, 'GITHUB_ENDPOINT', `${key}.GITHUB_ENDPOINT`, { required: true }),
    ...checkHttpUrl(value, 'API_ENDPOINT', `${key}.API_ENDPOINT`),
    ...requireString(value, 'CLIENT_ID', `${key}.CLIENT_ID`),
    ...requireString(value, 'CLIENT_SECRET', `${key}.CLIENT_SECRET`),
    ...githubDotComApi(value, key),
    ...orgRestriction(value, key),
  ];
  if (key === 'GITHUB_LOGIN_CONFIG') findings.push(...checkLoginBindingField(value, key));
  return findings;
}

/**
 * Quay's API endpoint defaults to `<GITHUB_ENDPOINT>/api/v3/`, the GitHub Enterprise layout; on
 * github.com the API lives at https://api.github.com/, so API_ENDPOINT must be set there.
 */
function githubDotComApi(value: Record<string, unknown>, key: GitHubConfigKey): Finding[] {
  const endpoint = value.GITHUB_ENDPOINT;
  if (typeof endpoint !== 'string' || value.API_ENDPOINT !== undefined) return [];
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return [];
  }
  if (host !== 'github.com' && host !== 'www.github.com') return [];
  return [
    warning(`${key}.API_ENDPOINT`, `${key}.API_ENDPOINT is not set: Quay will call ${endpoint.replace(/\/*$/, '')}/api/v3/, which is not the github.com API`, {
      code: 'api-endpoint-missing',
      hint: 'set API_ENDPOINT: https://api.github.com/',
    }),
  ];
}

/** ORG_RESTRICT without organisations locks every GitHub user out (legacy validate_github.py rule). */
function orgRestriction(value: Record<string, unknown>, key: GitHubConfigKey): Finding[] {
  if (value.ORG_RESTRICT !== true) return [];
  const orgs = value.ALLOWED_ORGANIZATIONS;
  const path = `${key}.ALLOWED_ORGANIZATIONS`;
  if (orgs === undefined || orgs === null || (Array.isArray(orgs) && orgs.length === 0)) {
    return [
      error(path, `${path} must list at least one organization when ${key}.ORG_RESTRICT is true`, {
        code: 'allowed-organizations-empty',
        hint: 'add the organizations whose members may log in, or set ORG_RESTRICT: false',
      }),
    ];
  }
  if (!Array.isArray(orgs)) return [];
  return orgs.flatMap((o, i) => (typeof o === 'string' && o.trim() !== '' ? [] : [error(`${path}[${i}]`, `${path}[${i}] must be an organization name`, { code: 'invalid-value' })]));
}

/** The live GitHub check for one block, when the block is complete enough to try. */
export function githubProbes(ctx: RuleContext, key: GitHubConfigKey): Probe[] {
  const value = obj(ctx.config, key);
  if (!value) return [];
  const orgs = value.ORG_RESTRICT === true && Array.isArray(value.ALLOWED_ORGANIZATIONS) ? value.ALLOWED_ORGANIZATIONS : [];
  const target: GitHubTarget = {
    key,
    endpoint: str(value, 'GITHUB_ENDPOINT')?.trim(),
    apiEndpoint: str(value, 'API_ENDPOINT')?.trim(),
    clientId: str(value, 'CLIENT_ID')?.trim() ?? '',
    clientSecret: str(value, 'CLIENT_SECRET')?.trim() ?? '',
    organizations: orgs.flatMap((name, index) => (typeof name === 'string' ? [{ name, index }] : [])),
  };
  return [
    {
      name: `GitHub (${key})`,
      fields: [`${key}.GITHUB_ENDPOINT`, `${key}.API_ENDPOINT`, `${key}.CLIENT_ID`, `${key}.CLIENT_SECRET`],
      run: (probeCtx) => probeGitHub(target, probeCtx),
    },
  ];
}
