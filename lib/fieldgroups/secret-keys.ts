import { defineFieldGroup } from './define';

export const secretKeys = defineFieldGroup({
  id: 'SecretKeys',
  title: 'Secret keys',
  keys: [
    'SECRET_KEY',
    'DATABASE_SECRET_KEY',
  ],
  skipReason: () => null,
  rules: () => [],
});
