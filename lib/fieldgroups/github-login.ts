import { defineFieldGroup } from './define';

export const gitHubLogin = defineFieldGroup({
  id: 'GitHubLogin',
  title: 'GitHub login',
  keys: [
    'FEATURE_GITHUB_LOGIN',
    'GITHUB_LOGIN_CONFIG',
  ],
  skipReason: () => null,
  rules: () => [],
});
