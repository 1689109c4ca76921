import { defineFieldGroup } from './define';

export const jwtAuthentication = defineFieldGroup({
  id: 'JWTAuthentication',
  title: 'JWT authentication',
  keys: [
    'JWT_AUTH_ISSUER',
    'JWT_VERIFY_ENDPOINT',
    'JWT_QUERY_ENDPOINT',
    'JWT_GETUSER_ENDPOINT',
  ],
  skipReason: () => null,
  rules: () => [],
});
