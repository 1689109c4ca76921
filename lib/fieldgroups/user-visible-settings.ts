import { defineFieldGroup } from './define';

export const userVisibleSettings = defineFieldGroup({
  id: 'UserVisibleSettings',
  title: 'User-visible settings',
  keys: [
    'REGISTRY_TITLE',
    'REGISTRY_TITLE_SHORT',
    'AVATAR_KIND',
    'BRANDING',
    'CONTACT_INFO',
    'SEARCH_RESULTS_PER_PAGE',
    'SEARCH_MAX_RESULT_PAGE_COUNT',
    'ENTERPRISE_LOGO_URL',
  ],
  skipReason: () => null,
  rules: () => [],
});
