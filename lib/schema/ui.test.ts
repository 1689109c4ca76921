import { describe, expect, it } from 'vitest';
import { isObject } from '../config/values';
import { ownerOfKey } from '../fieldgroups/index';
import { checkAgainstSchema } from './check';
import { internalOnlyKeys } from './keys';
import { configSchema, keySchema, schemaKeys, storageEngineSchemas, type SchemaNode } from './schema';
import { SECTION_IDS, storageEngineNames, storageEngineUi, uiKeyNames, uiKeyPatterns, uiMetaFor, type ShowIf, type UiField } from './ui-meta';
import { UI_SECTIONS, uiForKey, uiKeys, uiKeysInSection } from '../fieldgroups/ui-keys';

const childSchemas = (node: SchemaNode | undefined): Record<string, SchemaNode> => {
  const props = node?.properties;
  return isObject(props) ? Object.fromEntries(Object.entries(props).flatMap(([k, v]) => (isObject(v) ? [[k, v]] : []))) : {};
};
const typesOf = (node: SchemaNode | undefined): string[] => {
  const t = node?.type;
  return Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : typeof t === 'string' ? [t] : [];
};

/** Walks a field and its nested fields with their schemas. */
function* walk(name: string, field: UiField, schema: SchemaNode | undefined): Generator<[string, UiField, SchemaNode | undefined]> {
  yield [name, field, schema];
  const children = childSchemas(schema);
  for (const [child, meta] of Object.entries(field.fields ?? {})) yield* walk(`${name}.${child}`, meta, children[child]);
}

const allFields = (): [string, UiField, SchemaNode | undefined][] => [
  ...uiKeyNames.flatMap((k) => {
    const meta = uiMetaFor(k);
    return meta ? [...walk(k, meta, keySchema(k))] : [];
  }),
  ...storageEngineNames.flatMap((engine) =>
    Object.entries(storageEngineUi(engine)?.fields ?? {}).flatMap(([f, meta]) => [...walk(`${engine}.${f}`, meta, childSchemas(storageEngineSchemas()[engine])[f])]),
  ),
];

describe('schema/ui.json covers the schema exactly', () => {
  it('has UI metadata for every schema property, and for nothing else', () => {
    expect([...uiKeyNames].sort()).toEqual([...schemaKeys].sort());
  });

  it('describes every key pattern of the schema (the OIDC providers)', () => {
    const schemaPatterns = Object.keys(isObject(configSchema.patternProperties) ? configSchema.patternProperties : {});
    expect([...uiKeyPatterns]).toEqual(schemaPatterns);
    expect(uiMetaFor('KEYCLOAK_LOGIN_CONFIG')).toMatchObject({ section: 'oidc', widget: 'object' });
    expect(Object.keys(uiMetaFor('KEYCLOAK_LOGIN_CONFIG')?.fields ?? {}).sort()).toEqual(Object.keys(childSchemas(keySchema('KEYCLOAK_LOGIN_CONFIG'))).sort());
  });

  it('describes every storage engine and exactly its parameters', () => {
    const engines = storageEngineSchemas();
    expect([...storageEngineNames].sort()).toEqual(Object.keys(engines).sort());
    for (const engine of storageEngineNames) {
      expect(Object.keys(storageEngineUi(engine)?.fields ?? {}).sort(), engine).toEqual(Object.keys(childSchemas(engines[engine])).sort());
    }
  });

  it('describes exactly the nested keys of every key rendered as an object', () => {
    for (const [path, field, schema] of allFields()) {
      if (field.widget !== 'object') continue;
      expect(Object.keys(field.fields ?? {}).sort(), path).toEqual(Object.keys(childSchemas(schema)).sort());
    }
  });
});

describe('schema/ui.json is consistent', () => {
  it('declares the sections in the wizard order', () => {
    expect(UI_SECTIONS.map((s) => s.id)).toEqual([...SECTION_IDS]);
    for (const section of SECTION_IDS) {
      if (section === 'oidc') continue; // rendered from the <ID>_LOGIN_CONFIG pattern
      expect(uiKeysInSection(section).length, section).toBeGreaterThan(0);
    }
  });

  it('gives keys of one section distinct orders', () => {
    for (const section of SECTION_IDS) {
      const orders = uiKeysInSection(section).map((k) => k.order);
      expect(new Set(orders).size, section).toBe(orders.length);
    }
  });

  it('picks widgets that fit the schema type', () => {
    for (const [path, field, schema] of allFields()) {
      const types = typesOf(schema).filter((t) => t !== 'null');
      if (field.widget === 'switch') expect(types, path).toContain('boolean');
      if (field.widget === 'number')
        expect(
          types.some((t) => t === 'integer' || t === 'number'),
          path,
        ).toBe(true);
      if (field.widget === 'select') expect(Array.isArray(schema?.enum), path).toBe(true);
      if (field.widget === 'duration') expect(schema?.pattern, path).toBe('^[0-9]+(w|m|d|h|s)$');
      if (field.widget === 'string-list') expect(types, path).toEqual(['array']);
      if (field.widget === 'password') expect(field.secret, path).toBe(true);
    }
    expect(
      uiKeys()
        .filter((k) => k.widget === 'storage')
        .map((k) => k.key),
    ).toEqual(['DISTRIBUTED_STORAGE_CONFIG']);
  });

  it('marks passwords, secret keys, PSKs and client secrets as secret', () => {
    const secretName = /(PASSWORD|PASSWD|(?<!K8S_)SECRET|PSK|^secret_key$|_secret_key$|account_key|shared_secret|sas_token|connection_string|hec_token|bearer_token|search_token|api_token)/i;
    const missing = allFields()
      .filter(([path, field, schema]) => secretName.test(path.split('.').at(-1) ?? '') && typesOf(schema).includes('string') && !field.secret)
      .map(([path]) => path);
    expect(missing).toEqual([]);
    expect(uiMetaFor('DISTRIBUTED_STORAGE_CONFIG')?.secret).toBeUndefined();
    expect(storageEngineUi('S3Storage')?.fields.s3_access_key?.secret).toBe(true);
    expect(uiMetaFor('LOGS_MODEL_CONFIG')?.fields?.elasticsearch_config?.fields?.secret_key?.secret).toBe(true);
  });

  it('has defaults that the schema accepts', () => {
    for (const key of uiKeyNames) {
      const meta = uiMetaFor(key);
      if (!meta || meta.default === undefined) continue;
      expect(checkAgainstSchema({ [key]: meta.default }), key).toEqual([]);
    }
  });

  it('has help text for every key', () => {
    expect(uiKeyNames.filter((k) => !uiMetaFor(k)?.help)).toEqual([]);
  });

  it('conditions showIf on keys Quay knows, with values their schema allows', () => {
    const conditions = (s: ShowIf): { key: string; equals?: unknown; in?: unknown[] }[] => ('all' in s ? s.all.flatMap(conditions) : [s]);
    for (const [path, field] of allFields()) {
      for (const c of field.showIf ? conditions(field.showIf) : []) {
        const [top, ...rest] = c.key.split('.');
        const target = rest.reduce<SchemaNode | undefined>((node, seg) => childSchemas(node)[seg], keySchema(top ?? ''));
        expect(target !== undefined || internalOnlyKeys.has(c.key), `${path} → ${c.key}`).toBe(true);
        const allowed = target?.enum;
        if (Array.isArray(allowed)) for (const v of [c.equals, ...(c.in ?? [])].filter((x) => x !== undefined)) expect(allowed, path).toContain(v);
      }
    }
  });

  it('shows LDAP fields for LDAP authentication and mail fields when mailing is on', () => {
    expect(uiMetaFor('LDAP_ADMIN_DN')?.showIf).toEqual({ key: 'AUTHENTICATION_TYPE', equals: 'LDAP' });
    expect(uiMetaFor('MAIL_SERVER')?.showIf).toEqual({ key: 'FEATURE_MAILING', truthy: true });
    expect(uiMetaFor('FEATURE_MAILING')?.showIf).toBeUndefined();
  });
});

describe('ui accessor', () => {
  it('adds the owning field group, and Schema for keys no group owns', () => {
    expect(uiForKey('BUILDLOGS_REDIS')).toMatchObject({ key: 'BUILDLOGS_REDIS', group: 'Redis', section: 'redis', title: 'Build logs Redis' });
    expect(uiForKey('USE_CDN')?.group).toBe('Schema');
    expect(uiForKey('KEYCLOAK_LOGIN_CONFIG')?.group).toBe(ownerOfKey('KEYCLOAK_LOGIN_CONFIG') ?? 'Schema');
    expect(uiForKey('NOT_A_KEY')).toBeUndefined();
  });

  it('falls back to the schema description for help', () => {
    expect(uiForKey('SERVER_HOSTNAME')?.help).toBe(keySchema('SERVER_HOSTNAME')?.description);
  });

  it('lists keys in wizard order', () => {
    const keys = uiKeys();
    expect(keys).toHaveLength(schemaKeys.length);
    expect(keys[0]?.key).toBe('SERVER_HOSTNAME');
    const rank = (s: string) => SECTION_IDS.indexOf(s as (typeof SECTION_IDS)[number]);
    for (let i = 1; i < keys.length; i++) expect(rank(keys[i]?.section ?? '')).toBeGreaterThanOrEqual(rank(keys[i - 1]?.section ?? ''));
  });
});
