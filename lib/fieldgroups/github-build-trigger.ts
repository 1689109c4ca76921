import { flag } from '../config/values';
import { defineFieldGroup } from './define';
import { githubProbes, githubRules } from './github-oauth';

/** GitHub (Enterprise) build triggers: `GITHUB_TRIGGER_CONFIG`, read with FEATURE_BUILD_SUPPORT and FEATURE_GITHUB_BUILD. */
export const gitHubBuildTrigger = defineFieldGroup({
  id: 'GitHubBuildTrigger',
  title: 'GitHub build triggers',
  keys: ['FEATURE_GITHUB_BUILD', 'GITHUB_TRIGGER_CONFIG'],
  skipReason: ({ config }) => {
    if (!flag(config, 'FEATURE_BUILD_SUPPORT', false)) return 'FEATURE_BUILD_SUPPORT is off';
    return flag(config, 'FEATURE_GITHUB_BUILD', false) ? null : 'FEATURE_GITHUB_BUILD is off';
  },
  rules: (ctx) => githubRules(ctx, 'GITHUB_TRIGGER_CONFIG', 'FEATURE_GITHUB_BUILD'),
  probes: (ctx) => githubProbes(ctx, 'GITHUB_TRIGGER_CONFIG'),
});
