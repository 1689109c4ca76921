import { defineFieldGroup } from './define';

export const oidc = defineFieldGroup({
  id: 'OIDC',
  title: 'OIDC providers',
  keys: [
  ],
  keyPattern: /^(?!(?:GITHUB|GOOGLE)_)[A-Z0-9]+_LOGIN_CONFIG$/,
  skipReason: () => null,
  rules: () => [],
});
