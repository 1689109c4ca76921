import type { NestedUi } from '@/components/form/form-env';
import type { FormModel, ModelUi } from './form-model';

/**
 * UI metadata of a nested key path (`BUILDLOGS_REDIS.host`, `KEYCLOAK_LOGIN_CONFIG.CLIENT_ID`),
 * walking ui.json's `fields`; undefined when the metadata has none.
 */
export function uiLookup(model: FormModel): (path: string) => NestedUi | undefined {
  const byKey = new Map(model.keys.map((k) => [k.key, k.ui]));
  const oidc = model.oidc ? new RegExp(model.oidc.pattern, 'u') : null;
  return (path) => {
    const [key, ...rest] = path.split('.');
    if (!key) return undefined;
    let ui: ModelUi | undefined = byKey.get(key) ?? (oidc?.test(key) ? model.oidc?.key.ui : undefined);
    for (const segment of rest) ui = ui?.fields?.[segment];
    if (!ui || rest.length === 0) return ui;
    return { title: ui.title, help: ui.help, widget: ui.widget, secret: ui.secret, placeholder: ui.placeholder, order: ui.order, advanced: ui.advanced, default: ui.default, showIf: ui.showIf };
  };
}
