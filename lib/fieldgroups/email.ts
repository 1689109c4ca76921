import { defineFieldGroup } from './define';

export const email = defineFieldGroup({
  id: 'Email',
  title: 'E-mail',
  keys: [
    'FEATURE_MAILING',
    'MAIL_SERVER',
    'MAIL_PORT',
    'MAIL_USE_TLS',
    'MAIL_USE_AUTH',
    'MAIL_USERNAME',
    'MAIL_PASSWORD',
    'MAIL_DEFAULT_SENDER',
    'BLACKLISTED_EMAIL_DOMAINS',
    'FEATURE_BLACKLISTED_EMAILS',
  ],
  skipReason: () => null,
  rules: () => [],
});
