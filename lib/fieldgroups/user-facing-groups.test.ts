import { describe, expect, it } from 'vitest';
import type { Finding } from '../report/types';
import type { FieldGroup } from './define';
import { quayDocumentation } from './quay-documentation';
import { isHostPort, repoMirror } from './repo-mirror';
import { userVisibleSettings } from './user-visible-settings';

/** RepoMirror, UserVisibleSettings and QuayDocumentation: small rule tables. */

const ctx = (config: Record<string, unknown>) => ({ config, files: new Map<string, Uint8Array>(), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const e = (code: string, ...fields: string[]) => ({ code, fields, severity: 'error' });
const w = (code: string, ...fields: string[]) => ({ code, fields, severity: 'warning' });

type Case = [string, Record<string, unknown>, ReturnType<typeof e>[]];
function run(group: FieldGroup, cases: Case[]) {
  it.each(cases)('%s', (_n, config, expected) => {
    expect(group.skipReason(ctx(config))).toBeNull();
    expect(brief(group.rules(ctx(config)))).toEqual(expected);
  });
}

describe('RepoMirror', () => {
  const on = { FEATURE_REPO_MIRROR: true };
  it('is skipped unless FEATURE_REPO_MIRROR', () => {
    expect(repoMirror.skipReason(ctx({ REPO_MIRROR_INTERVAL: -1 }))).toBe('FEATURE_REPO_MIRROR is off');
  });
  run(repoMirror, [
    ['defaults', on, []],
    ['interval and host', { ...on, REPO_MIRROR_INTERVAL: 30, REPO_MIRROR_SERVER_HOSTNAME: 'quay-internal.example.com:8443', REPO_MIRROR_TLS_VERIFY: true }, []],
    ['null host means SERVER_HOSTNAME', { ...on, REPO_MIRROR_SERVER_HOSTNAME: null }, []],
    ['interval zero', { ...on, REPO_MIRROR_INTERVAL: 0 }, [e('invalid-value', 'REPO_MIRROR_INTERVAL')]],
    ['interval fractional', { ...on, REPO_MIRROR_INTERVAL: 2.5 }, [e('invalid-value', 'REPO_MIRROR_INTERVAL')]],
    ['host with a scheme', { ...on, REPO_MIRROR_SERVER_HOSTNAME: 'https://quay.example.com' }, [e('invalid-hostname', 'REPO_MIRROR_SERVER_HOSTNAME')]],
    ['host with a path', { ...on, REPO_MIRROR_SERVER_HOSTNAME: 'quay.example.com/x' }, [e('invalid-hostname', 'REPO_MIRROR_SERVER_HOSTNAME')]],
    ['TLS verification off', { ...on, REPO_MIRROR_TLS_VERIFY: false }, [w('tls-verify-disabled', 'REPO_MIRROR_TLS_VERIFY')]],
  ]);
  it.each([
    ['quay', true],
    ['quay.example.com', true],
    ['10.0.0.1:8443', true],
    ['[::1]:443', true],
    ['a-.example.com', false],
    ['a..b', false],
    ['host:0', false],
    ['host:70000', false],
    ['host name', false],
  ])('isHostPort(%s) = %s', (host, ok) => {
    expect(isHostPort(host)).toBe(ok);
  });
});

describe('UserVisibleSettings', () => {
  it('is never skipped', () => {
    expect(userVisibleSettings.skipReason(ctx({}))).toBeNull();
  });
  run(userVisibleSettings, [
    ['nothing set', {}, []],
    [
      'everything right',
      {
        REGISTRY_TITLE: 'Corp Registry',
        REGISTRY_TITLE_SHORT: 'CR',
        AVATAR_KIND: 'gravatar',
        BRANDING: { logo: '/static/img/logo.svg', logo_dark: 'https://cdn.example.com/l.svg', footer_img: 'data:image/png;base64,AAAA', footer_url: 'https://example.com' },
        CONTACT_INFO: ['https://example.com/help', 'mailto:admin@example.com', 'tel:+1-555', 'irc://irc.libera.chat/quay'],
        SEARCH_RESULTS_PER_PAGE: 25,
        SEARCH_MAX_RESULT_PAGE_COUNT: 10,
        ENTERPRISE_LOGO_URL: 'https://cdn.example.com/logo.png',
      },
      [],
    ],
    ['empty title', { REGISTRY_TITLE: '' }, [w('empty-title', 'REGISTRY_TITLE')]],
    ['avatar kind', { AVATAR_KIND: 'identicon' }, [e('invalid-value', 'AVATAR_KIND')]],
    ['relative logo', { BRANDING: { logo: 'static/logo.svg' } }, [e('invalid-url', 'BRANDING.logo')]],
    ['footer url not a URL', { BRANDING: { logo: '/l.svg', footer_url: '/about' } }, [e('invalid-url', 'BRANDING.footer_url')]],
    ['protocol-relative footer image', { BRANDING: { logo: '/l.svg', footer_img: '//cdn/x.svg' } }, [e('invalid-url', 'BRANDING.footer_img')]],
    ['enterprise logo', { ENTERPRISE_LOGO_URL: 'logo.png' }, [e('invalid-url', 'ENTERPRISE_LOGO_URL')]],
    ['contact entries in any order, each checked', { CONTACT_INFO: ['tel:+1', 'admin@example.com', 5] }, [e('invalid-contact', 'CONTACT_INFO[1]'), e('invalid-contact', 'CONTACT_INFO[2]')]],
    ['search paging', { SEARCH_RESULTS_PER_PAGE: 0, SEARCH_MAX_RESULT_PAGE_COUNT: 1.5 }, [e('invalid-value', 'SEARCH_RESULTS_PER_PAGE'), e('invalid-value', 'SEARCH_MAX_RESULT_PAGE_COUNT')]],
    ["wrong types are the schema check's", { BRANDING: 'x', CONTACT_INFO: 'mailto:x', SEARCH_RESULTS_PER_PAGE: '10', AVATAR_KIND: 1 }, []],
  ]);
});

describe('QuayDocumentation', () => {
  run(quayDocumentation, [
    ['unset', {}, []],
    ['empty means unset', { DOCUMENTATION_ROOT: '' }, []],
    ['a URL', { DOCUMENTATION_ROOT: 'https://docs.example.com/quay/' }, []],
    ['an absolute path', { DOCUMENTATION_ROOT: '/docs/' }, []],
    ['a relative path', { DOCUMENTATION_ROOT: 'good/path' }, [e('invalid-url', 'DOCUMENTATION_ROOT')]],
    ['another scheme', { DOCUMENTATION_ROOT: 'ftp://docs.example.com/' }, [e('invalid-url', 'DOCUMENTATION_ROOT')]],
  ]);
});
