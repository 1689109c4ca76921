import { defineFieldGroup } from './define';

export const schema = defineFieldGroup({
  id: 'Schema',
  title: 'Schema',
  keys: [
  ],
  skipReason: () => null,
  rules: () => [],
});
