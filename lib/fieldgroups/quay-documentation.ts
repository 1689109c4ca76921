import { defineFieldGroup } from './define';

export const quayDocumentation = defineFieldGroup({
  id: 'QuayDocumentation',
  title: 'Documentation',
  keys: [
    'DOCUMENTATION_ROOT',
  ],
  skipReason: () => null,
  rules: () => [],
});
