import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { PskResponse, SecretKeyResponse, SelfSignedResponse, ServiceKeyResponse } from '../api/contract';
import { generateClairPsk } from '../keys/psk';
import { generateSecretKey, type SecretKeyFormat } from '../keys/secret-key';
import { generateServiceKey, SERVICE_NAME_PATTERN } from '../keys/service-key';
import { generateServerCertificate, hostWithoutPort } from '../keys/tls-certificates';
import { EXIT, type CliIO } from './io';
import { writeOutputFiles } from './output-files';
import { expectPositionals } from './options';
import { UsageError } from './usage';

/**
 * `quay-config generate psk | secret-key | service-key | cert` (design.md §8): key material printed
 * or written as files, never overwriting one without `--force`. With `--json` the material goes to
 * stdout in the same shapes as the API's `/api/v2/keys/*` and `/api/v2/certs/self-signed` answers.
 */
export async function generateCommand(args: string[], io: CliIO): Promise<number> {
  const [kind, ...rest] = args;
  switch (kind) {
    case 'psk':
      return generatePsk(rest, io);
    case 'secret-key':
      return generateSecret(rest, io);
    case 'service-key':
      return generateServiceKeyFiles(rest, io);
    case 'cert':
      return generateCertFiles(rest, io);
    default:
      throw new UsageError(kind ? `unknown thing to generate "${kind}": psk, secret-key, service-key or cert` : 'generate what? psk, secret-key, service-key or cert');
  }
}

function generatePsk(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  expectPositionals(positionals, 0, 'generate psk takes no arguments');
  const body: PskResponse = { psk: generateClairPsk() };
  io.out(values.json ? JSON.stringify(body, null, 2) : body.psk);
  return EXIT.valid;
}

const SECRET_FORMATS: readonly SecretKeyFormat[] = ['hex', 'decimal', 'uuid'];

function generateSecret(args: string[], io: CliIO): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'hex' }, json: { type: 'boolean', default: false } },
  });
  expectPositionals(positionals, 0, 'generate secret-key takes no arguments');
  const format = SECRET_FORMATS.find((f) => f === values.format);
  if (!format) throw new UsageError(`--format must be one of ${SECRET_FORMATS.join(', ')}, not "${values.format}"`);
  const body: SecretKeyResponse = { value: generateSecretKey(format) };
  io.out(values.json ? JSON.stringify(body, null, 2) : body.value);
  return EXIT.valid;
}

async function generateServiceKeyFiles(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      service: { type: 'string', default: 'security_scanner' },
      expiration: { type: 'string' },
      'quay-url': { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  expectPositionals(positionals, 0, 'generate service-key takes options only');
  const name = values.name?.trim();
  if (!name) throw new UsageError('generate service-key needs --name (a label for the key, e.g. "Clair v2 scanner")');
  if (name.length > 200) throw new UsageError('--name is longer than 200 characters');
  if (!SERVICE_NAME_PATTERN.test(values.service)) {
    throw new UsageError(`--service must match ${SERVICE_NAME_PATTERN.source} (Quay's rule for service names), not "${values.service}"`);
  }
  const expiration = values.expiration !== undefined ? parseExpiration(values.expiration) : undefined;
  const quayUrl = values['quay-url'] !== undefined ? parseHttpUrl(values['quay-url'], '--quay-url') : undefined;
  rejectJsonWithOut(values);

  const key = generateServiceKey({ service: values.service, expiration, quayUrl });
  const body: ServiceKeyResponse = {
    kid: key.kid,
    name,
    privateKeyPem: key.privateKeyPem,
    publicKeyPem: key.publicKeyPem,
    expiration: expiration ? expiration.toISOString() : null,
    jwtproxySnippet: key.jwtproxyYaml,
  };
  if (values.json) {
    io.out(JSON.stringify(body, null, 2));
    return EXIT.valid;
  }
  const dir = outDir(values.out, io);
  const [written] = await writeOutputFiles(dir, [{ name: key.privateKeyFileName, data: key.privateKeyPem, mode: 0o600 }], values.force);
  io.err(`Wrote ${written} (mode 0600): Clair's jwtproxy signing key. It belongs with Clair, not in Quay's bundle.`);
  io.err(`Quay serves only approved keys: register key id ${key.kid} for service "${key.service}"` + `${expiration ? `, expiring ${expiration.toISOString()}` : ''}, before Clair uses it.`);
  io.out(`kid: ${key.kid}\n\n${key.jwtproxyYaml}`);
  return EXIT.valid;
}

async function generateCertFiles(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      hostname: { type: 'string' },
      ip: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  expectPositionals(positionals, 0, 'generate cert takes options only');
  if (!values.hostname) throw new UsageError('generate cert needs --hostname (SERVER_HOSTNAME, e.g. quay.example.com)');
  checkHostname(values.hostname);
  const badIp = values.ip.find((ip) => net.isIP(ip) === 0);
  if (badIp !== undefined) throw new UsageError(`--ip "${badIp}" is not an IPv4 or IPv6 address`);
  if (values.ip.length > 16) throw new UsageError('at most 16 --ip addresses');
  rejectJsonWithOut(values);

  const made = generateServerCertificate({ hostname: values.hostname, ips: values.ip });
  if (values.json) {
    const body: SelfSignedResponse = { caCertPem: made.ca.certPem, certPem: made.sslCert, keyPem: made.sslKey };
    io.out(JSON.stringify(body, null, 2));
    return EXIT.valid;
  }
  const dir = outDir(values.out, io);
  const written = await writeOutputFiles(
    dir,
    [
      { name: 'ssl.cert', data: made.sslCert, mode: 0o644 },
      { name: 'ssl.key', data: made.sslKey, mode: 0o600 },
      { name: 'ca.crt', data: made.ca.certPem, mode: 0o644 },
    ],
    values.force,
  );
  const host = hostWithoutPort(values.hostname);
  io.out(
    [
      ...written.map((p) => `Wrote ${p}`),
      '',
      'ssl.cert and ssl.key go into the bundle (next to config.yaml); ca.crt into its extra_ca_certs/ and to every client:',
      `  /etc/containers/certs.d/${values.hostname}/ca.crt (podman) or /etc/docker/certs.d/${values.hostname}/ca.crt (docker).`,
      `The CA's private key is not kept: issue a new pair to change the SANs (${[host, ...values.ip].join(', ')}).`,
    ].join('\n'),
  );
  return EXIT.valid;
}

/** `2031-01-01` or a full ISO 8601 date-time with `Z` or an offset; it must be in the future. */
function parseExpiration(text: string): Date {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
  const date = iso.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new UsageError(`--expiration "${text}" is not an ISO date (2031-01-01 or 2031-01-01T00:00:00Z)`);
  if (date.getTime() <= Date.now()) throw new UsageError(`--expiration ${date.toISOString()} is in the past`);
  return date;
}

function parseHttpUrl(text: string, option: string): string {
  const url = URL.canParse(text) ? new URL(text) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new UsageError(`${option} must be an http(s) URL, not "${text}"`);
  return text;
}

/** SERVER_HOSTNAME as Quay takes it: a DNS name or an IP address, optionally with `:port`. */
function checkHostname(text: string): void {
  const shape = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;
  const host = hostWithoutPort(text);
  const dnsName = (h: string) => h.length <= 253 && h.split('.').every((label) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
  if (!shape.test(text) || (net.isIP(host) === 0 && !dnsName(host))) {
    throw new UsageError(`--hostname "${text}" is not a host name or IP address (optionally with :port)`);
  }
}

function rejectJsonWithOut(values: { json: boolean; out?: string; force: boolean }): void {
  if (values.json && (values.out !== undefined || values.force)) throw new UsageError('--json prints to stdout: it does not go with --out or --force');
}

function outDir(out: string | undefined, io: CliIO): string {
  return path.resolve(io.cwd ?? process.cwd(), out ?? '.');
}
