import { describe, expect, it } from 'vitest';
import { testCa } from '../../certs/test-pki';
import type { Finding } from '../../report/types';
import type { BundleFiles } from '../../bundle/types';
import { validateConfig } from '../../validation/run';
import { database } from './index';

const PG = 'postgresql://quay:secret@db.example.com:5432/quay';
const MY = 'mysql+pymysql://quay:secret@db.example.com/quay';
const CA = testCa('ca.example');
const OTHER = testCa('other.example');

type Row = [string, Record<string, unknown>, Array<Pick<Finding, 'code' | 'fields' | 'severity'>>, Record<string, string>?];

const files = (entries: Record<string, string> = {}): BundleFiles => new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));
const run = (config: Record<string, unknown>, bundle: Record<string, string> = {}) => database.rules({ config, files: files(bundle), now: new Date() });
const brief = (fs: Finding[]) => fs.map(({ code, fields, severity }) => ({ code, fields, severity }));
const e = (code: string, field = 'DB_URI') => ({ code, fields: [field], severity: 'error' as const });
const w = (code: string, field = 'DB_URI') => ({ code, fields: [field], severity: 'warning' as const });

describe('Database rules: DB_URI', () => {
  const rows: Row[] = [
    ['missing', {}, [e('required')]],
    ['empty string', { DB_URI: '  ' }, [e('required')]],
    ['wrong type (left to the Schema check)', { DB_URI: 5432 }, []],
    ['not a URI', { DB_URI: 'db.example.com/quay' }, [e('db-uri-invalid')]],
    ['postgres:// (SQLAlchemy rejects it)', { DB_URI: 'postgres://quay:pw@db/quay' }, [e('db-uri-scheme')]],
    ['upper-case scheme', { DB_URI: 'PostgreSQL://quay:pw@db/quay' }, [e('db-uri-scheme')]],
    ['unsupported driver', { DB_URI: 'postgresql+asyncpg://quay:pw@db/quay' }, [e('db-uri-scheme')]],
    ['postgresql', { DB_URI: PG }, []],
    ['postgresql+psycopg2 (SQLAlchemy takes it, the boot-time config-tool does not)', { DB_URI: 'postgresql+psycopg2://quay:pw@db/quay' }, [e('db-uri-scheme-boot-check')]],
    ['mysql+pymysql is deprecated', { DB_URI: MY }, [w('db-mysql-deprecated')]],
    ['mysql:// (no pymysql): refused by the boot-time config-tool, and deprecated', { DB_URI: 'mysql://quay:pw@db/quay' }, [e('db-uri-scheme-boot-check'), w('db-mysql-deprecated')]],
    ['sqlite is for tests', { DB_URI: 'sqlite:///quay.db' }, [w('db-sqlite')]],
    ['no host', { DB_URI: 'postgresql://quay:pw@/quay' }, [e('db-uri-host-missing')]],
    ['no user', { DB_URI: 'postgresql://db.example.com/quay' }, [e('db-uri-user-missing')]],
    ['no database', { DB_URI: 'postgresql://quay:pw@db.example.com' }, [e('db-uri-database-missing')]],
    ['empty database', { DB_URI: 'postgresql://quay:pw@db.example.com/' }, [e('db-uri-database-missing')]],
    ['port out of range', { DB_URI: 'postgresql://quay:pw@db:70000/quay' }, [e('db-uri-port-invalid')]],
    ['port not a number', { DB_URI: 'postgresql://quay:pw@db:5x/quay' }, [e('db-uri-port-invalid')]],
    ['unescaped @ in the password', { DB_URI: 'postgresql://quay:p@ss@db/quay' }, [e('db-uri-password-unencoded')]],
    ['unescaped # in the password', { DB_URI: 'postgresql://quay:p#ss@db/quay' }, [e('db-uri-password-unencoded')]],
    ['unescaped / in the password', { DB_URI: 'postgresql://quay:p/ss@db/quay' }, [e('db-uri-password-unencoded')]],
    ['unescaped ? in the password', { DB_URI: 'postgresql://quay:p?ss@db/quay' }, [e('db-uri-password-unencoded')]],
    ['lone % in the password', { DB_URI: 'postgresql://quay:100%@db/quay' }, [e('db-uri-password-unencoded')]],
    ['encoded # / ? are fine', { DB_URI: 'postgresql://quay:p%23s%2Fs%3F@db/quay' }, []],
    ['encoded @ still breaks the migrations', { DB_URI: 'postgresql://quay:p%40ss@db/quay' }, [w('db-uri-password-migrations')]],
    ['Azure-style user name with @', { DB_URI: 'postgresql://quay@myserver:pw@db.example.com/quay' }, []],
    ['localhost', { DB_URI: 'postgresql://quay:pw@localhost/quay' }, [w('db-host-loopback')]],
    ['127.0.0.1', { DB_URI: 'postgresql://quay:pw@127.0.0.1:5432/quay' }, [w('db-host-loopback')]],
    ['[::1]', { DB_URI: 'postgresql://quay:pw@[::1]/quay' }, [w('db-host-loopback')]],
    ['query string is ignored by Quay', { DB_URI: `${PG}?sslmode=verify-full` }, [w('db-uri-query-ignored')]],
  ];
  it.each(rows)('%s', (_name, config, expected) => {
    expect(brief(run(config))).toEqual(expected);
  });

  it('hints postgresql:// for postgres:// and never echoes the password', () => {
    const [f] = run({ DB_URI: 'postgres://quay:hunter22@db/quay' });
    expect(f?.hint).toContain('postgresql://');
    const all = run({ DB_URI: 'postgresql://quay:hun@ter22@db/quay' });
    expect(JSON.stringify(all)).not.toMatch(/hun|ter22/);
  });
});

describe('Database rules: DB_CONNECTION_ARGS (PostgreSQL)', () => {
  const rows: Row[] = [
    ['empty', { DB_CONNECTION_ARGS: {} }, []],
    ['wrong type (left to the Schema check)', { DB_CONNECTION_ARGS: 'sslmode=require' }, []],
    ['verify-full without any root cert', { DB_CONNECTION_ARGS: { sslmode: 'verify-full' } }, [e('db-ssl-root-cert-missing', 'DB_CONNECTION_ARGS.sslrootcert')]],
    [
      'verify-ca with the CA only in extra_ca_certs/',
      { DB_CONNECTION_ARGS: { sslmode: 'verify-ca' } },
      [e('db-ssl-root-cert-missing', 'DB_CONNECTION_ARGS.sslrootcert')],
      { 'extra_ca_certs/db-ca.crt': CA.certPem },
    ],
    [
      'verify-full with database.pem but no sslrootcert',
      { DB_CONNECTION_ARGS: { sslmode: 'verify-full' } },
      [w('db-ssl-root-cert-implicit', 'DB_CONNECTION_ARGS.sslrootcert')],
      { 'database.pem': CA.certPem },
    ],
    ['sslrootcert /conf/stack/database.pem', { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: '/conf/stack/database.pem' } }, [], { 'database.pem': CA.certPem }],
    ['sslrootcert conf/stack/database.pem', { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: 'conf/stack/database.pem' } }, [], { 'database.pem': CA.certPem }],
    ['sslrootcert database.pem', { DB_CONNECTION_ARGS: { sslmode: 'verify-ca', sslrootcert: 'database.pem' } }, [], { 'database.pem': CA.certPem }],
    ['sslrootcert into extra_ca_certs/', { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: '/conf/stack/extra_ca_certs/db-ca.crt' } }, [], { 'extra_ca_certs/db-ca.crt': CA.certPem }],
    ['sslrootcert system', { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: 'system' } }, []],
    ['sslrootcert not in the bundle', { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: '/conf/stack/database.pem' } }, [e('ssl-file-missing', 'DB_CONNECTION_ARGS.sslrootcert')]],
    ['sslrootcert outside the bundle', { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: '/etc/custom/root.crt' } }, [w('ssl-file-outside-bundle', 'DB_CONNECTION_ARGS.sslrootcert')]],
    [
      'sslrootcert without a certificate',
      { DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: 'database.pem' } },
      [e('ssl-file-invalid', 'DB_CONNECTION_ARGS.sslrootcert')],
      { 'database.pem': 'garbage' },
    ],
    ['require without a root cert', { DB_CONNECTION_ARGS: { sslmode: 'require' } }, [w('db-tls-unverified', 'DB_CONNECTION_ARGS.sslmode')]],
    ['require with a root cert verifies the CA (libpq)', { DB_CONNECTION_ARGS: { sslmode: 'require', sslrootcert: 'database.pem' } }, [], { 'database.pem': CA.certPem }],
    ['disable', { DB_CONNECTION_ARGS: { sslmode: 'disable' } }, [w('db-tls-disabled', 'DB_CONNECTION_ARGS.sslmode')]],
    ['client cert without key', { DB_CONNECTION_ARGS: { sslcert: '/conf/stack/client.crt' } }, [e('ssl-client-cert-incomplete', 'DB_CONNECTION_ARGS.sslkey')], { 'client.crt': CA.certPem }],
    [
      'client key not matching the cert',
      { DB_CONNECTION_ARGS: { sslcert: 'client.crt', sslkey: 'client.key' } },
      [e('ssl-client-key-mismatch', 'DB_CONNECTION_ARGS.sslkey')],
      { 'client.crt': CA.certPem, 'client.key': OTHER.privatePem },
    ],
    ['client cert and key', { DB_CONNECTION_ARGS: { sslcert: 'client.crt', sslkey: 'client.key' } }, [], { 'client.crt': CA.certPem, 'client.key': CA.privatePem }],
    ['autorollback true', { DB_CONNECTION_ARGS: { autorollback: true } }, []],
    ['threadlocals is ignored', { DB_CONNECTION_ARGS: { threadlocals: true } }, [w('db-threadlocals-ignored', 'DB_CONNECTION_ARGS.threadlocals')]],
    ['unknown option', { DB_CONNECTION_ARGS: { sslmodes: 'require' } }, [w('db-connection-arg-unknown', 'DB_CONNECTION_ARGS.sslmodes')]],
    ['MySQL ssl mapping on PostgreSQL', { DB_CONNECTION_ARGS: { ssl: { ca: 'database.pem' } } }, [e('db-connection-arg-wrong-db', 'DB_CONNECTION_ARGS.ssl')]],
  ];
  it.each(rows)('%s', (_name, config, expected, bundle) => {
    expect(brief(run({ DB_URI: PG, ...config }, bundle))).toEqual(expected);
  });

  it('names the extra CA file in the hint when libpq would not find it', () => {
    const [f] = run({ DB_URI: PG, DB_CONNECTION_ARGS: { sslmode: 'verify-full' } }, { 'extra_ca_certs/db-ca.crt': CA.certPem });
    expect(f?.hint).toContain('sslrootcert: /conf/stack/extra_ca_certs/db-ca.crt');
  });
});

describe('Database rules: DB_CONNECTION_ARGS (MySQL)', () => {
  const rows: Row[] = [
    ['no ssl', {}, []],
    ['ssl.ca in the bundle', { DB_CONNECTION_ARGS: { ssl: { ca: 'conf/stack/database.pem' } } }, [], { 'database.pem': CA.certPem }],
    ['ssl.ca not in the bundle', { DB_CONNECTION_ARGS: { ssl: { ca: 'conf/stack/database.pem' } } }, [e('ssl-file-missing', 'DB_CONNECTION_ARGS.ssl.ca')]],
    ['ssl without ca verifies nothing', { DB_CONNECTION_ARGS: { ssl: {} } }, [w('db-tls-unverified', 'DB_CONNECTION_ARGS.ssl')]],
    [
      'check_hostname false',
      { DB_CONNECTION_ARGS: { ssl: { ca: 'database.pem', check_hostname: false } } },
      [w('db-tls-hostname-unchecked', 'DB_CONNECTION_ARGS.ssl.check_hostname')],
      { 'database.pem': CA.certPem },
    ],
    ['sslmode is a PostgreSQL setting', { DB_CONNECTION_ARGS: { sslmode: 'require' } }, [e('db-connection-arg-wrong-db', 'DB_CONNECTION_ARGS.sslmode')]],
    [
      'ssl.cert without ssl.key',
      { DB_CONNECTION_ARGS: { ssl: { ca: 'database.pem', cert: 'client.crt' } } },
      [e('ssl-client-cert-incomplete', 'DB_CONNECTION_ARGS.ssl.key')],
      { 'database.pem': CA.certPem, 'client.crt': CA.certPem },
    ],
  ];
  it.each(rows)('%s', (_name, config, expected, bundle) => {
    expect(brief(run({ DB_URI: MY, ...config }, bundle))).toEqual([w('db-mysql-deprecated'), ...expected]);
  });
});

describe("Database: wrong types and values are the Schema check's, reported once, and never probed", () => {
  it.each([
    ["sslmode outside libpq's list", PG, { sslmode: 'on' }, 'schema-enum', 'sslmode'],
    ['sslmode as a boolean', PG, { sslmode: true }, 'schema-type', 'sslmode'],
    ['autorollback as a string (truthy to peewee)', PG, { autorollback: 'false' }, 'schema-type', 'autorollback'],
    ['connect_timeout not a number', PG, { connect_timeout: 'soon' }, 'schema-type', 'connect_timeout'],
    ['MySQL ssl: true', MY, { ssl: true }, 'schema-type', 'ssl'],
  ] as const)('%s', async (_name, uri, args, code, field) => {
    const config = { DB_URI: uri, DB_CONNECTION_ARGS: args };
    const report = await validateConfig({ config, files: files() }, { mode: 'offline', groups: ['Database'] });
    const group = report.groups.find((g) => g.group === 'Database');
    const errors = group?.findings.filter((f) => f.severity === 'error').map((f) => ({ code: f.code, fields: f.fields }));
    expect(errors).toEqual([{ code, fields: [`DB_CONNECTION_ARGS.${field}`] }]);
  });

  it.each([
    ["sslmode outside libpq's list", PG, { sslmode: 'on' }],
    ['MySQL ssl: true', MY, { ssl: true }],
  ] as const)('no probe with %s', (_name, uri, args) => {
    expect(database.probes?.({ config: { DB_URI: uri, DB_CONNECTION_ARGS: args }, files: files(), now: new Date() })).toEqual([]);
  });
});

describe('Database probes', () => {
  const probes = (config: Record<string, unknown>, bundle: Record<string, string> = {}) => database.probes?.({ config, files: files(bundle), now: new Date() }) ?? [];

  it.each([
    ['PostgreSQL', { DB_URI: PG }, 1],
    ['MySQL', { DB_URI: MY }, 1],
    ['SQLite (nothing to connect to)', { DB_URI: 'sqlite:///quay.db' }, 0],
    ['an unusable DB_URI', { DB_URI: 'postgres://quay:pw@db/quay' }, 0],
    ['verify-full without a root cert (the rule already explains)', { DB_URI: PG, DB_CONNECTION_ARGS: { sslmode: 'verify-full' } }, 0],
    ['a root cert missing from the bundle', { DB_URI: PG, DB_CONNECTION_ARGS: { sslmode: 'verify-full', sslrootcert: 'database.pem' } }, 0],
  ] as const)('%s → %i probe(s) on DB_URI', (_name, config, count) => {
    const list = probes(config);
    expect(list).toHaveLength(count);
    for (const p of list) expect(p.fields).toEqual(['DB_URI']);
  });

  it('is never skipped', () => {
    expect(database.skipReason({ config: {}, files: files(), now: new Date() })).toBeNull();
  });
});
