import { defineFieldGroup } from './define';

export const keystone = defineFieldGroup({
  id: 'Keystone',
  title: 'Keystone authentication',
  keys: [
    'KEYSTONE_AUTH_VERSION',
    'KEYSTONE_AUTH_URL',
    'KEYSTONE_ADMIN_USERNAME',
    'KEYSTONE_ADMIN_PASSWORD',
    'KEYSTONE_ADMIN_TENANT',
  ],
  skipReason: () => null,
  rules: () => [],
});
