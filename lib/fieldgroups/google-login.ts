import { defineFieldGroup } from './define';

export const googleLogin = defineFieldGroup({
  id: 'GoogleLogin',
  title: 'Google login',
  keys: [
    'FEATURE_GOOGLE_LOGIN',
    'GOOGLE_LOGIN_CONFIG',
  ],
  skipReason: () => null,
  rules: () => [],
});
