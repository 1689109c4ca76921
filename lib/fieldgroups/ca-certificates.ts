import { defineFieldGroup } from './define';

export const caCertificates = defineFieldGroup({
  id: 'CACertificates',
  title: 'CA certificates',
  keys: [
  ],
  skipReason: () => null,
  rules: () => [],
});
