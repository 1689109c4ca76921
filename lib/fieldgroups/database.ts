import { defineFieldGroup } from './define';

export const database = defineFieldGroup({
  id: 'Database',
  title: 'Database',
  keys: [
    'DB_URI',
    'DB_CONNECTION_ARGS',
  ],
  skipReason: () => null,
  rules: () => [],
});
