import { defineFieldGroup } from './define';

export const gitLabBuildTrigger = defineFieldGroup({
  id: 'GitLabBuildTrigger',
  title: 'GitLab build triggers',
  keys: [
    'FEATURE_GITLAB_BUILD',
    'GITLAB_TRIGGER_CONFIG',
  ],
  skipReason: () => null,
  rules: () => [],
});
