import { flag, obj } from '../config/values';
import { warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup, type RuleContext } from './define';
import { githubProbes, githubRules } from './github-oauth';

/** GitHub (Enterprise) as a login provider: `GITHUB_LOGIN_CONFIG`, read when FEATURE_GITHUB_LOGIN is on. */
export const gitHubLogin = defineFieldGroup({
  id: 'GitHubLogin',
  title: 'GitHub login',
  keys: ['FEATURE_GITHUB_LOGIN', 'GITHUB_LOGIN_CONFIG'],
  skipReason: ({ config }) => (flag(config, 'FEATURE_GITHUB_LOGIN', false) ? null : 'FEATURE_GITHUB_LOGIN is off'),
  rules: (ctx) => [...githubRules(ctx, 'GITHUB_LOGIN_CONFIG', 'FEATURE_GITHUB_LOGIN'), ...sharedClient(ctx)],
  probes: (ctx) => githubProbes(ctx, 'GITHUB_LOGIN_CONFIG'),
});

/**
 * The schema says the login client "cannot be shared with GITHUB_TRIGGER_CONFIG": one GitHub OAuth
 * app has one callback URL, and login and triggers call back to different Quay paths.
 */
function sharedClient({ config }: RuleContext): Finding[] {
  const triggersOn = flag(config, 'FEATURE_BUILD_SUPPORT', false) && flag(config, 'FEATURE_GITHUB_BUILD', false);
  const login = obj(config, 'GITHUB_LOGIN_CONFIG')?.CLIENT_ID;
  const trigger = obj(config, 'GITHUB_TRIGGER_CONFIG')?.CLIENT_ID;
  if (!triggersOn || typeof login !== 'string' || login.trim() === '' || login !== trigger) return [];
  return [
    warning(['GITHUB_LOGIN_CONFIG.CLIENT_ID', 'GITHUB_TRIGGER_CONFIG.CLIENT_ID'], 'GITHUB_LOGIN_CONFIG and GITHUB_TRIGGER_CONFIG use the same GitHub OAuth app (same CLIENT_ID)', {
      code: 'shared-client',
      hint: 'register a separate OAuth app for build triggers, with callback URL <scheme>://<SERVER_HOSTNAME>/oauth2/github/callback/trigger',
    }),
  ];
}
