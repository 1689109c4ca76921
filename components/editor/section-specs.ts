/**
 * The fields of one section, in order, as `FieldSpec`s: keys from the model filtered by `showIf`,
 * keys owned by composites folded into them, and the bundle files and composites that are not
 * config keys (certificates, OIDC providers, keys outside the schema) inserted where they belong.
 */
import type { FieldSpec, FieldUi } from '@/components/form/field-spec';
import type { FormModel, ModelKey, ModelUi } from './form-model';
import { shows } from '@/components/form/show-if';

/** Keys edited through another field's composite widget (not rendered on their own). */
export const FOLDED_KEYS: Record<string, string> = {
  EXTERNAL_TLS_TERMINATION: 'PREFERRED_URL_SCHEME',
  DISTRIBUTED_STORAGE_PREFERENCE: 'DISTRIBUTED_STORAGE_CONFIG',
  DISTRIBUTED_STORAGE_DEFAULT_LOCATIONS: 'DISTRIBUTED_STORAGE_CONFIG',
  FEATURE_STORAGE_REPLICATION: 'DISTRIBUTED_STORAGE_CONFIG',
};

/** Bundle files edited in a section, placed after a key, with when they apply. */
const FILES: { section: string; after: string; file: string; title: string; help: string; widget?: 'public-key'; when?(v: Record<string, unknown>): boolean }[] = [
  {
    section: 'server-tls',
    after: 'PREFERRED_URL_SCHEME',
    file: 'ssl.cert',
    title: 'TLS certificate (ssl.cert)',
    help: 'PEM certificate for SERVER_HOSTNAME, with its intermediates after it.',
    when: (v) => v.PREFERRED_URL_SCHEME !== 'http' && v.EXTERNAL_TLS_TERMINATION !== true,
  },
  {
    section: 'server-tls',
    after: 'PREFERRED_URL_SCHEME',
    file: 'ssl.key',
    title: 'TLS private key (ssl.key)',
    help: 'The PEM private key of ssl.cert.',
    when: (v) => v.PREFERRED_URL_SCHEME !== 'http' && v.EXTERNAL_TLS_TERMINATION !== true,
  },
  {
    section: 'database',
    after: 'DB_URI',
    file: 'database.pem',
    title: 'Database CA certificate (database.pem)',
    help: 'CA that signed the database server certificate; reference it in DB_CONNECTION_ARGS (sslrootcert / ssl.ca) as conf/stack/database.pem.',
  },
  {
    section: 'ldap',
    after: 'LDAP_URI',
    file: 'ldap.crt',
    title: 'LDAP CA certificate (ldap.crt)',
    help: 'CA that signed the LDAP server certificate, for ldaps:// or StartTLS.',
    when: (v) => v.AUTHENTICATION_TYPE === 'LDAP',
  },
  {
    section: 'jwt',
    after: 'JWT_AUTH_ISSUER',
    file: 'jwt-authn.cert',
    widget: 'public-key',
    title: 'JWT public key (jwt-authn.cert)',
    help: 'The public key (PEM, or an OpenSSH ssh-rsa line) of the RSA key the authentication service signs its tokens with. Not a certificate: Quay loads it as a key.',
    when: (v) => v.AUTHENTICATION_TYPE === 'JWT',
  },
];

/** Fields of a section split into the visible ones and those behind "Advanced settings". */
export interface SectionFields {
  primary: FieldSpec[];
  advanced: FieldSpec[];
}

/** ui.json's field metadata in the renderer's shape. */
export function toFieldUi(ui: ModelUi): FieldUi {
  return { title: ui.title, help: ui.help, widget: ui.widget, secret: ui.secret, placeholder: ui.placeholder, defaultValue: ui.default, advanced: ui.advanced };
}

function keySpec(k: ModelKey): FieldSpec {
  return { path: k.key, key: k.key, schema: k.schema, required: k.required, ui: toFieldUi(k.ui) };
}

function pseudo(path: string, widget: string, title: string, help?: string): FieldSpec {
  return { path, key: path, schema: {}, required: false, ui: { title, help, widget } };
}

/** The fields of a section for the current values, split into visible and advanced. */
export function sectionFields(model: FormModel, sectionId: string, values: Record<string, unknown>): SectionFields {
  const out: SectionFields = { primary: [], advanced: [] };
  const keys = model.keys.filter((k) => k.section === sectionId);
  if (sectionId === 'advanced') {
    out.primary.push(pseudo('@other-keys', 'other-keys', 'Keys outside the schema', 'Kept exactly as uploaded and written back on download.'));
  }
  for (const k of keys) {
    if (FOLDED_KEYS[k.key]) continue;
    if (k.ui.deprecated && values[k.key] === undefined) continue;
    if (!shows(k.ui.showIf, values)) continue;
    const spec =
      k.key === 'PREFERRED_URL_SCHEME'
        ? { ...keySpec(k), ui: { ...toFieldUi(k.ui), title: 'TLS', widget: 'tls-mode', help: 'Who terminates HTTPS for this registry. Sets PREFERRED_URL_SCHEME and EXTERNAL_TLS_TERMINATION.' } }
        : keySpec(k);
    (k.ui.advanced && values[k.key] === undefined ? out.advanced : out.primary).push(spec);
    for (const f of FILES) {
      if (f.section === sectionId && f.after === k.key && (f.when?.(values) ?? true)) out.primary.push(pseudo(f.file, f.widget ?? 'file', f.title, f.help));
    }
  }
  if (sectionId === 'oidc' && model.oidc) {
    const o = model.oidc.key;
    out.primary.push({ path: '@oidc', key: '@oidc', schema: o.schema, required: false, ui: { title: 'OpenID Connect providers', help: o.ui.help, widget: 'oidc-providers' } });
  }
  return out;
}
