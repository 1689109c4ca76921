import { defineFieldGroup } from './define';

export const bitbucketBuildTrigger = defineFieldGroup({
  id: 'BitbucketBuildTrigger',
  title: 'Bitbucket build triggers',
  keys: [
    'FEATURE_BITBUCKET_BUILD',
    'BITBUCKET_TRIGGER_CONFIG',
  ],
  skipReason: () => null,
  rules: () => [],
});
