import { defineFieldGroup } from './define';

export const buildManager = defineFieldGroup({
  id: 'BuildManager',
  title: 'Build manager',
  keys: [
    'FEATURE_BUILD_SUPPORT',
    'BUILD_MANAGER',
  ],
  skipReason: () => null,
  rules: () => [],
});
