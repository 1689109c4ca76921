import { defineFieldGroup } from './define';

export const gitHubBuildTrigger = defineFieldGroup({
  id: 'GitHubBuildTrigger',
  title: 'GitHub build triggers',
  keys: [
    'FEATURE_GITHUB_BUILD',
    'GITHUB_TRIGGER_CONFIG',
  ],
  skipReason: () => null,
  rules: () => [],
});
