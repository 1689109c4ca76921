import { flag, isObject, obj, str } from '../config/values';
import { probeBitbucket, type OAuthClientTarget } from '../probes/oauth';
import { required } from '../report/findings';
import { defineFieldGroup } from './define';
import { requireString } from './value-checks';

const KEY = 'BITBUCKET_TRIGGER_CONFIG';

/**
 * Bitbucket build triggers: `BITBUCKET_TRIGGER_CONFIG` with an OAuth consumer key and secret. Findings
 * name `CONSUMER_KEY` (config-tool tagged a non-existent `CONSUMER_ID`).
 */
export const bitbucketBuildTrigger = defineFieldGroup({
  id: 'BitbucketBuildTrigger',
  title: 'Bitbucket build triggers',
  keys: ['FEATURE_BITBUCKET_BUILD', KEY],
  skipReason: ({ config }) => {
    if (!flag(config, 'FEATURE_BUILD_SUPPORT', false)) return 'FEATURE_BUILD_SUPPORT is off';
    return flag(config, 'FEATURE_BITBUCKET_BUILD', false) ? null : 'FEATURE_BITBUCKET_BUILD is off';
  },
  rules: ({ config }) => {
    const value = config[KEY];
    if (value === undefined || value === null) return [required(KEY, 'when FEATURE_BITBUCKET_BUILD is enabled')];
    if (!isObject(value)) return [];
    return [...requireString(value, 'CONSUMER_KEY', `${KEY}.CONSUMER_KEY`), ...requireString(value, 'CONSUMER_SECRET', `${KEY}.CONSUMER_SECRET`)];
  },
  probes: ({ config }) => {
    const value = obj(config, KEY);
    if (!value) return [];
    const target: OAuthClientTarget = {
      key: KEY,
      clientId: str(value, 'CONSUMER_KEY')?.trim() ?? '',
      clientSecret: str(value, 'CONSUMER_SECRET')?.trim() ?? '',
    };
    return [{ name: `Bitbucket (${KEY})`, fields: [`${KEY}.CONSUMER_KEY`, `${KEY}.CONSUMER_SECRET`], run: (ctx) => probeBitbucket(target, ctx) }];
  },
});
