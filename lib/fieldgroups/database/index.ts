import { has, obj } from '../../config/values';
import { probeMysql } from '../../probes/mysql';
import { probePostgres } from '../../probes/postgres';
import type { Finding } from '../../report/types';
import { defineFieldGroup, type Probe, type RuleContext } from '../define';
import { defaultPort } from './db-uri';
import { checkMysqlArgs } from './mysql-args';
import { checkPostgresArgs } from './postgres-args';
import { checkDbUri } from './uri-rules';

/**
 * The Database group: `DB_URI` and `DB_CONNECTION_ARGS`, checked as Quay's runtime reads them
 * (SQLAlchemy's URI parser, libpq / PyMySQL connection arguments), then probed live.
 */
export const database = defineFieldGroup({
  id: 'Database',
  title: 'Database',
  keys: ['DB_URI', 'DB_CONNECTION_ARGS'],
  // Quay cannot start without a database.
  skipReason: () => null,
  rules: (ctx) => analyse(ctx).findings,
  probes: (ctx) => analyse(ctx).probes,
});

interface Analysis {
  findings: Finding[];
  probes: Probe[];
}

function analyse(ctx: RuleContext): Analysis {
  const { config, files } = ctx;
  const uriResult = checkDbUri(config.DB_URI);
  const findings = [...uriResult.findings];
  const uri = uriResult.uri;
  // A non-object DB_CONNECTION_ARGS is a type error the Schema check reports; Quay would crash on it.
  if (has(config, 'DB_CONNECTION_ARGS') && obj(config, 'DB_CONNECTION_ARGS') === undefined) return { findings, probes: [] };
  const args = obj(config, 'DB_CONNECTION_ARGS');
  if (!uri || uri.dialect === undefined || uri.dialect === 'sqlite') return { findings, probes: [] };

  const host = uri.host ?? '';
  const port = uri.port ?? defaultPort(uri.dialect) ?? 0;
  const base = { host, port, user: uri.username ?? '', database: uri.database ?? '', fields: ['DB_URI'] };
  const password = uri.password;
  const withPassword = password !== undefined ? { password } : {};

  if (uri.dialect === 'postgresql') {
    const pgArgs = checkPostgresArgs(args, files);
    findings.push(...pgArgs.findings);
    const tls = pgArgs.tls;
    if (!tls) return { findings, probes: [] };
    return {
      findings,
      probes: [{ name: 'DB_URI (PostgreSQL)', fields: ['DB_URI'], run: (p) => probePostgres({ ...base, ...withPassword, tls }, p) }],
    };
  }
  const myArgs = checkMysqlArgs(args, files);
  findings.push(...myArgs.findings);
  const tls = myArgs.tls;
  if (tls === 'unusable') return { findings, probes: [] };
  return {
    findings,
    probes: [{ name: 'DB_URI (MySQL)', fields: ['DB_URI'], run: (p) => probeMysql({ ...base, ...withPassword, ...(tls ? { tls } : {}) }, p) }],
  };
}
