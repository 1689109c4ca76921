import { defineFieldGroup } from './define';
import { checkUrlOrPath } from './value-checks';

/** Where the UI's documentation links point: `DOCUMENTATION_ROOT`, a URL or an absolute path. */
export const quayDocumentation = defineFieldGroup({
  id: 'QuayDocumentation',
  title: 'Documentation',
  keys: ['DOCUMENTATION_ROOT'],
  skipReason: () => null,
  rules: ({ config }) => checkUrlOrPath(config, 'DOCUMENTATION_ROOT', 'DOCUMENTATION_ROOT'),
});
