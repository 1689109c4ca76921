import { flag, isObject, obj, str } from '../config/values';
import { probeGoogle, type GoogleTarget } from '../probes/oauth';
import { quayRedirectUri } from '../probes/oauth-token';
import { required } from '../report/findings';
import { defineFieldGroup } from './define';
import { checkLoginBindingField, requireString } from './value-checks';

const KEY = 'GOOGLE_LOGIN_CONFIG';

/** Google as a login provider: `GOOGLE_LOGIN_CONFIG`, read when FEATURE_GOOGLE_LOGIN is on. */
export const googleLogin = defineFieldGroup({
  id: 'GoogleLogin',
  title: 'Google login',
  keys: ['FEATURE_GOOGLE_LOGIN', KEY],
  skipReason: ({ config }) => (flag(config, 'FEATURE_GOOGLE_LOGIN', false) ? null : 'FEATURE_GOOGLE_LOGIN is off'),
  rules: ({ config }) => {
    const value = config[KEY];
    if (value === undefined || value === null) return [required(KEY, 'when FEATURE_GOOGLE_LOGIN is enabled')];
    if (!isObject(value)) return []; // wrong type: reported by the Schema check
    return [...requireString(value, 'CLIENT_ID', `${KEY}.CLIENT_ID`), ...requireString(value, 'CLIENT_SECRET', `${KEY}.CLIENT_SECRET`), ...checkLoginBindingField(value, KEY)];
  },
  probes: ({ config }) => {
    const value = obj(config, KEY);
    if (!value) return [];
    const target: GoogleTarget = {
      key: KEY,
      clientId: str(value, 'CLIENT_ID')?.trim() ?? '',
      clientSecret: str(value, 'CLIENT_SECRET')?.trim() ?? '',
      redirectUri: quayRedirectUri(config, 'google'),
    };
    return [{ name: `Google (${KEY})`, fields: [`${KEY}.CLIENT_ID`, `${KEY}.CLIENT_SECRET`], run: (ctx) => probeGoogle(target, ctx) }];
  },
});
