import { defineFieldGroup } from './define';

export const securityScanner = defineFieldGroup({
  id: 'SecurityScanner',
  title: 'Security scanner',
  keys: [
    'FEATURE_SECURITY_SCANNER',
    'SECURITY_SCANNER_ENDPOINT',
    'SECURITY_SCANNER_V4_ENDPOINT',
    'SECURITY_SCANNER_V4_PSK',
    'SECURITY_SCANNER_INDEXING_INTERVAL',
    'SECURITY_SCANNER_V4_NAMESPACE_WHITELIST',
    'SECURITY_SCANNER_NOTIFICATIONS',
    'FEATURE_SECURITY_NOTIFICATIONS',
    'SECURITY_SCANNER_ISSUER_NAME',
  ],
  skipReason: () => null,
  rules: () => [],
});
