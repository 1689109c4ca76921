import { isObject } from '../config/values';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup } from './define';
import { checkHttpUrl, checkPositiveInt, checkUrlOrPath, truncate } from './value-checks';

/**
 * What users see: titles, avatars, branding, contact links, search paging. config-tool declared
 * `validate:"url"` tags here but never evaluated them, and never read ENTERPRISE_LOGO_URL.
 */
export const userVisibleSettings = defineFieldGroup({
  id: 'UserVisibleSettings',
  title: 'User-visible settings',
  keys: ['REGISTRY_TITLE', 'REGISTRY_TITLE_SHORT', 'AVATAR_KIND', 'BRANDING', 'CONTACT_INFO', 'SEARCH_RESULTS_PER_PAGE', 'SEARCH_MAX_RESULT_PAGE_COUNT', 'ENTERPRISE_LOGO_URL'],
  skipReason: () => null,
  rules: ({ config }) => [
    ...titleRules(config),
    ...avatarRules(config.AVATAR_KIND),
    ...brandingRules(config.BRANDING),
    // Quay shows ENTERPRISE_LOGO_URL in place of BRANDING.logo (config.py frontend_visible_config).
    ...checkUrlOrPath(config, 'ENTERPRISE_LOGO_URL', 'ENTERPRISE_LOGO_URL', true),
    ...contactRules(config.CONTACT_INFO),
    ...checkPositiveInt(config, 'SEARCH_RESULTS_PER_PAGE', 'SEARCH_RESULTS_PER_PAGE'),
    ...checkPositiveInt(config, 'SEARCH_MAX_RESULT_PAGE_COUNT', 'SEARCH_MAX_RESULT_PAGE_COUNT'),
  ],
});

function titleRules(config: Record<string, unknown>): Finding[] {
  return ['REGISTRY_TITLE', 'REGISTRY_TITLE_SHORT'].flatMap((k) =>
    config[k] === '' || (typeof config[k] === 'string' && /^\s+$/.test(config[k]))
      ? [warning(k, `${k} is empty: the UI will show no registry name`, { code: 'empty-title', hint: `remove ${k} to use the default "Red Hat Quay"` })]
      : [],
  );
}

const AVATAR_KINDS = ['local', 'gravatar'];

function avatarRules(v: unknown): Finding[] {
  if (typeof v !== 'string' || AVATAR_KINDS.includes(v)) return [];
  return [error('AVATAR_KIND', `AVATAR_KIND must be local or gravatar, got "${truncate(v)}"`, { code: 'invalid-value' })];
}

/** BRANDING images are URLs or absolute paths on Quay's host; footer_url is a link. */
function brandingRules(branding: unknown): Finding[] {
  if (!isObject(branding)) return [];
  return [...['logo', 'logo_dark', 'footer_img'].flatMap((k) => checkUrlOrPath(branding, k, `BRANDING.${k}`, true)), ...checkHttpUrl(branding, 'footer_url', 'BRANDING.footer_url')];
}

/**
 * Each CONTACT_INFO entry is a `mailto:`, `irc://`, `tel:` or `http(s)://` link, in any order and
 * number (the upstream schema's tuple form wrongly demanded that order).
 */
const CONTACT_PATTERNS = [/^mailto:.+/, /^irc:\/\/.+/, /^tel:.+/, /^https?:\/\/.+/];

function contactRules(info: unknown): Finding[] {
  if (!Array.isArray(info)) return [];
  return info.flatMap((item, i) => {
    const path = `CONTACT_INFO[${i}]`;
    if (typeof item === 'string' && CONTACT_PATTERNS.some((p) => p.test(item))) return [];
    const shown = typeof item === 'string' ? `"${truncate(item)}"` : (JSON.stringify(item) ?? String(item));
    return [
      error(path, `${path} must be a mailto:, irc://, tel: or http(s):// link, got ${shown}`, {
        code: 'invalid-contact',
        hint: 'e.g. mailto:admin@example.com, tel:+1-888-930-3475, https://example.com/support',
      }),
    ];
  });
}
