import { isObject, str, truthy } from '../config/values';
import { probeOidc } from '../probes/oidc';
import { error, warning } from '../report/findings';
import type { Finding } from '../report/types';
import { defineFieldGroup, type RuleContext } from './define';
import { listProviders, oidcTarget, providerRules, usableProviders } from './oidc-provider';

/**
 * OIDC login providers: every `<ID>_LOGIN_CONFIG` block other than GitHub's and Google's is an
 * OpenID Connect provider for Quay (oauth/loginmanager.py), and with `AUTHENTICATION_TYPE: OIDC`
 * the first one is also the user backend (data/users/__init__.py).
 */
export const oidc = defineFieldGroup({
  id: 'OIDC',
  title: 'OIDC providers',
  keys: [],
  keyPattern: /^(?!(?:GITHUB|GOOGLE|OPENSHIFT)_LOGIN_CONFIG$)[A-Z0-9_]+_LOGIN_CONFIG$/,
  skipReason: ({ config }) => (listProviders(config).length === 0 && config.AUTHENTICATION_TYPE !== 'OIDC' ? 'no OIDC provider (<ID>_LOGIN_CONFIG) is configured' : null),
  rules: (ctx) => [...listProviders(ctx.config).flatMap((p) => providerRules(p.key, p.value)), ...globalRules(ctx)],
  probes: ({ config }) =>
    usableProviders(config).map((p) => {
      const target = oidcTarget(config, p);
      return {
        name: `OIDC provider ${p.key}`,
        fields: [`${p.key}.OIDC_SERVER`, `${p.key}.CLIENT_ID`, `${p.key}.CLIENT_SECRET`],
        run: (ctx) => probeOidc(target, ctx),
      };
    }),
});

/** Rules across providers: service ids, and OIDC as the authentication backend. */
function globalRules({ config }: RuleContext): Finding[] {
  const providers = listProviders(config);
  const findings: Finding[] = [];
  const byId = new Map<string, string[]>();
  for (const p of providers) byId.set(p.id, [...(byId.get(p.id) ?? []), p.key]);
  for (const [id, keys] of byId) {
    if (keys.length > 1) {
      findings.push(
        error(keys, `${keys.join(' and ')} share the service id "${id}" (the text before the first "_"), so Quay cannot tell their logins apart`, {
          code: 'duplicate-service-id',
          hint: 'give each provider a prefix without underscores, e.g. AZURE_LOGIN_CONFIG and KEYCLOAK_LOGIN_CONFIG',
        }),
      );
    }
  }
  if (str(config, 'AUTHENTICATION_TYPE') !== 'OIDC') return findings;

  const first = providers.find((p) => isObject(p.value));
  if (!first) {
    findings.push(
      error('AUTHENTICATION_TYPE', 'AUTHENTICATION_TYPE is OIDC but no OIDC provider (<ID>_LOGIN_CONFIG) is configured: Quay fails to start ("Unknown authentication type: OIDC")', {
        code: 'no-provider',
        hint: 'add a provider block such as KEYCLOAK_LOGIN_CONFIG with OIDC_SERVER, CLIENT_ID, CLIENT_SECRET and SERVICE_NAME',
      }),
    );
    return findings;
  }
  if (providers.length > 1) {
    findings.push(
      warning('AUTHENTICATION_TYPE', `AUTHENTICATION_TYPE is OIDC and ${providers.length} providers are configured: Quay uses only the first, ${first.key}, as the user backend`, {
        code: 'first-provider-used',
      }),
    );
  }
  if (truthy(config.FEATURE_TEAM_SYNCING) && isObject(first.value) && first.value.PREFERRED_GROUP_CLAIM_NAME === undefined) {
    const field = `${first.key}.PREFERRED_GROUP_CLAIM_NAME`;
    findings.push(
      warning(field, `${field} is not set: team syncing with OIDC reads group membership from that claim, so no team will be synced`, {
        code: 'group-claim-missing',
        hint: 'set it to the claim that lists the groups, often "groups", and request the matching scope in LOGIN_SCOPES',
      }),
    );
  }
  return findings;
}
