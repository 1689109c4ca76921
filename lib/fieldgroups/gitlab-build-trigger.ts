import { flag, isObject, obj } from '../config/values';
import { gitlabProbe } from '../probes/oauth';
import { required } from '../validation/findings';
import { defineFieldGroup } from './define';
import { checkHttpUrl, requireString } from './value-checks';

const KEY = 'GITLAB_TRIGGER_CONFIG';

/**
 * GitLab build triggers: `GITLAB_TRIGGER_CONFIG`. GITLAB_ENDPOINT is optional (Quay defaults to
 * https://gitlab.com); an empty one is a finding, where config-tool panicked.
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
      ...checkHttpUrl(value, 'GITLAB_ENDPOINT', `${KEY}.GITLAB_ENDPOINT`),
      ...requireString(value, 'CLIENT_ID', `${KEY}.CLIENT_ID`),
      ...requireString(value, 'CLIENT_SECRET', `${KEY}.CLIENT_SECRET`),
    ];
  },
  probes: ({ config }) => {
    const value = obj(config, KEY);
    return value ? [gitlabProbe(config, value)] : [];
  },
});
