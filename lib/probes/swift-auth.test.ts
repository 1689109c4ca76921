import { describe, expect, it } from 'vitest';
import { catalogEndpoint, v2Body, v3Body } from './swift-auth';
import { swiftTempUrl } from './swift';
import { createHmac } from 'node:crypto';

const req = { authUrl: 'https://keystone:5000/v3', user: 'quay', key: 'pw', osOptions: {} };

describe('Keystone request bodies', () => {
  it('v2: tenant:user splits like python-swiftclient; tenant_id wins over the split', () => {
    expect(v2Body({ ...req, version: 2, user: 'proj:quay' })).toEqual({ auth: { passwordCredentials: { username: 'quay', password: 'pw' }, tenantName: 'proj' } });
    expect(v2Body({ ...req, version: 2, osOptions: { tenant_id: 't1' } })).toEqual({ auth: { passwordCredentials: { username: 'quay', password: 'pw' }, tenantId: 't1' } });
  });

  it('v3: password method, user domain, project scope (tenant_* aliases, project domain defaults to the user domain)', () => {
    expect(v3Body({ ...req, version: 3, osOptions: { user_domain_name: 'Default', tenant_name: 'quay-project' } })).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'quay', password: 'pw', domain: { name: 'Default' } } } },
        scope: { project: { name: 'quay-project', domain: { name: 'Default' } } },
      },
    });
    expect(v3Body({ ...req, version: 3, osOptions: { user_domain_id: 'd', project_id: 'p' } })).toMatchObject({ auth: { scope: { project: { id: 'p' } } } });
  });
});

describe('catalogEndpoint', () => {
  const v3 = {
    token: {
      catalog: [
        { type: 'identity', endpoints: [{ interface: 'public', url: 'https://keystone' }] },
        {
          type: 'object-store',
          endpoints: [
            { interface: 'public', region: 'east', url: 'https://swift-east/v1/AUTH_p' },
            { interface: 'internal', region: 'east', url: 'http://swift-east-int/v1/AUTH_p' },
            { interface: 'public', region: 'west', url: 'https://swift-west/v1/AUTH_p' },
          ],
        },
      ],
    },
  };
  it.each([
    [{}, 'https://swift-east/v1/AUTH_p'],
    [{ region_name: 'west' }, 'https://swift-west/v1/AUTH_p'],
    [{ region_name: 'east', endpoint_type: 'internalURL' }, 'http://swift-east-int/v1/AUTH_p'],
    [{ region_name: 'north' }, undefined],
  ])('v3 catalog with %o → %s', (o, url) => {
    expect(catalogEndpoint(v3, 3, o)).toBe(url);
  });

  it('v2 catalog: publicURL of the object-store', () => {
    const v2 = { access: { serviceCatalog: [{ type: 'object-store', endpoints: [{ region: 'r', publicURL: 'https://swift/v1/AUTH_t', internalURL: 'http://i' }] }] } };
    expect(catalogEndpoint(v2, 2, {})).toBe('https://swift/v1/AUTH_t');
    expect(catalogEndpoint({}, 2, {})).toBeUndefined();
  });
});

describe('swiftTempUrl', () => {
  it('signs "GET\\n<expires>\\n<path>" with HMAC-SHA1, as storage/swift.py does', () => {
    const url = new URL(swiftTempUrl('https://swift/v1/AUTH_a/quay/reg/obj', 'k3y', 60, 1_700_000_000_000));
    const expires = 1_700_000_060;
    expect(url.searchParams.get('temp_url_expires')).toBe(String(expires));
    expect(url.searchParams.get('temp_url_sig')).toBe(createHmac('sha1', 'k3y').update(`GET\n${expires}\n/v1/AUTH_a/quay/reg/obj`).digest('hex'));
  });
});
