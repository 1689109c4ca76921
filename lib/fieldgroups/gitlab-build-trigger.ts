import { flag, isObject, obj, str } from '../config/values';
import { probeGitLab, type GitLabTarget } from '../probes/oauth';
import { quayRedirectUri } from '../probes/oauth-token';
import { required } from '../report/findings';
import { defineFieldGroup } from './define';
import { checkHttpUrl, requireString } from './value-checks';

const KEY = 'GITLAB_TRIGGER_CONFIG';

/**
 * GitLab build triggers: `GITLAB_TRIGGER_CONFIG`. An empty GITLAB_ENDPOINT is a finding, where
 * config-tool panicked.
 *
 * GITLAB_ENDPOINT is required although Quay's Python side would default it to https://gitlab.com:
 * the boot-time config-tool (conf/init/d_validate_config_bundle.sh) never sees that default. Its
 * `default:"https://gitlab.com/"` struct tag sits on a field of *GitlabTriggerConfigStruct, a pointer
 * creasty/defaults leaves nil, so yaml.v3 decodes the block into a zero struct and the validator says
 * "GITLAB_TRIGGER_CONFIG.GITLAB_ENDPOINT is required for GitLabBuildTrigger" (then panics in
 * ValidateGitLabOAuth on the empty string). config-tool's own case NoGitlabEndpoint expects invalid
 * (quay/quay config-tool/pkg/lib/fieldgroups/gitlabbuildtrigger/gitlabbuildtrigger_test.go@138fc629f4941ca4a51495841c9a31d1f4b5b356),
 * and the later copy of the validator keeps the check (gitlabbuildtrigger_validator.go@02463a7e1ae70f35b333ebba40fd51e59fcf3c6d),
 * so it holds for every release.
 */
export const gitLabBuildTrigger = defineFieldGroup({
  id: 'GitLabBuildTrigger',
  title: 'GitLab build triggers',
  keys: ['FEATURE_GITLAB_BUILD', KEY],
  skipReason: ({ config }) => {
    if (!flag(config, 'FEATURE_BUILD_SUPPORT', false)) return 'FEATURE_BUILD_SUPPORT is off';
    return flag(config, 'FEATURE_GITLAB_BUILD', false) ? null : 'FEATURE_GITLAB_BUILD is off';
  },
  rules: ({ config }) => {
    const value = config[KEY];
    if (value === undefined || value === null) return [required(KEY, 'when FEATURE_GITLAB_BUILD is enabled')];
    if (!isObject(value)) return [];
    return [
      ...(value.GITLAB_ENDPOINT === undefined || value.GITLAB_ENDPOINT === null
        ? [required(`${KEY}.GITLAB_ENDPOINT`, "by Quay's boot-time check (config-tool), although Quay itself would default it to https://gitlab.com")]
        : checkHttpUrl(value, 'GITLAB_ENDPOINT', `${KEY}.GITLAB_ENDPOINT`)),
      ...requireString(value, 'CLIENT_ID', `${KEY}.CLIENT_ID`),
      ...requireString(value, 'CLIENT_SECRET', `${KEY}.CLIENT_SECRET`),
    ];
  },
  probes: ({ config }) => {
    const value = obj(config, KEY);
    if (!value) return [];
    const target: GitLabTarget = {
      key: KEY,
      endpoint: str(value, 'GITLAB_ENDPOINT')?.trim(),
      clientId: str(value, 'CLIENT_ID')?.trim() ?? '',
      clientSecret: str(value, 'CLIENT_SECRET')?.trim() ?? '',
      redirectUri: quayRedirectUri(config, 'gitlab', '/trigger'),
    };
    return [
      {
        name: `GitLab (${KEY})`,
        fields: [`${KEY}.GITLAB_ENDPOINT`, `${KEY}.CLIENT_ID`, `${KEY}.CLIENT_SECRET`],
        run: (ctx) => probeGitLab(target, ctx),
      },
    ];
  },
});
