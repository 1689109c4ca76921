import { defineFieldGroup } from './define';

export const hostSettings = defineFieldGroup({
  id: 'HostSettings',
  title: 'Server and TLS',
  keys: [
    'SERVER_HOSTNAME',
    'PREFERRED_URL_SCHEME',
    'EXTERNAL_TLS_TERMINATION',
  ],
  skipReason: () => null,
  rules: () => [],
});
