import { defineFieldGroup } from './define';

export const appTokenAuthentication = defineFieldGroup({
  id: 'AppTokenAuthentication',
  title: 'App token authentication',
  keys: [
    'FEATURE_APP_SPECIFIC_TOKENS',
    'APP_SPECIFIC_TOKEN_EXPIRATION',
    'EXPIRED_APP_SPECIFIC_TOKEN_GC',
  ],
  skipReason: () => null,
  rules: () => [],
});
