import { z } from 'zod';
import { inspectCertificateFile } from '../certs/inspect';
import { parseCertificates } from '../certs/x509';
import { parsePrivateKey, keyMatchesCertificate } from '../certs/private-key';
import { clairConfigSnippet } from '../keys/clair-config';
import { generateClairPsk } from '../keys/psk';
import { generateSecretKey } from '../keys/secret-key';
import { generateServiceKey, SERVICE_NAME_PATTERN } from '../keys/service-key';
import { generateServerCertificate } from '../keys/tls-certificates';
import type { CertificateInfo, ClairConfigResponse, PskResponse, SecretKeyResponse, SelfSignedResponse, ServiceKeyResponse } from './contract';
import { parseJsonBody, readBody, requireMediaType } from './body';
import { ApiError } from './http';

const SMALL_BODY = 64 * 1024;

/** Parses a small JSON body against a zod schema; the first problem becomes a 400 naming the field. */
async function input<T>(request: Request, schema: z.ZodType<T>, maxBytes = SMALL_BODY): Promise<T> {
  const bytes = await readBody(request, maxBytes);
  if (bytes.length > 0) requireMediaType(request, ['application/json']);
  const body = bytes.length === 0 ? {} : parseJsonBody(bytes);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `"${issue.path.join('.')}"` : 'request body';
    throw new ApiError(400, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function newPsk(): PskResponse {
  return { psk: generateClairPsk() };
}

export function newSecretKey(): SecretKeyResponse {
  return { value: generateSecretKey('hex') };
}

const serviceKeyInput = z.object({
  name: z.string().max(200).optional(),
  service: z.string().regex(SERVICE_NAME_PATTERN, `must match ${SERVICE_NAME_PATTERN.source}`).max(100).optional(),
  expiration: z.iso.datetime({ offset: true }).optional().nullable(),
  quayUrl: z.url({ protocol: /^https?$/ }).optional(),
  scannerUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** A Clair v2 jwtproxy service key; the private key is returned once and kept nowhere. */
export async function newServiceKey(request: Request): Promise<ServiceKeyResponse> {
  const body = await input(request, serviceKeyInput);
  const expiration = body.expiration ? new Date(body.expiration) : undefined;
  if (expiration && expiration.getTime() <= Date.now()) throw new ApiError(400, '"expiration": cannot be in the past');
  const key = generateServiceKey({ service: body.service, expiration, quayUrl: body.quayUrl, scannerUrl: body.scannerUrl });
  return {
    kid: key.kid,
    name: body.name ?? `${key.service} service key`,
    privateKeyPem: key.privateKeyPem,
    publicKeyPem: key.publicKeyPem,
    expiration: expiration ? expiration.toISOString() : null,
    jwtproxySnippet: key.jwtproxyYaml,
  };
}

const hostnamePattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;
const selfSignedInput = z.object({
  hostname: z.string().min(1).max(253).regex(hostnamePattern, 'must be a host name or IP, optionally with :port'),
  ips: z
    .array(z.union([z.ipv4(), z.ipv6()]))
    .max(16)
    .optional(),
});

/** A new CA and a server certificate for SERVER_HOSTNAME (the CA key is not kept). */
export async function newSelfSigned(request: Request): Promise<SelfSignedResponse> {
  const body = await input(request, selfSignedInput);
  const made = generateServerCertificate({ hostname: body.hostname, ips: body.ips });
  return { caCertPem: made.ca.certPem, certPem: made.sslCert, keyPem: made.sslKey };
}

const clairInput = z.object({
  psk: z.string().min(1).max(4096),
  quayUrl: z.url({ protocol: /^https?$/ }).optional(),
  clairUrl: z.url({ protocol: /^https?$/ }).optional(),
  httpListenAddr: z.string().max(100).optional(),
});

export async function newClairConfig(request: Request): Promise<ClairConfigResponse> {
  const body = await input(request, clairInput);
  return { yaml: clairConfigSnippet(body) };
}

const inspectInput = z.object({ certs: z.record(z.string().max(512), z.string().max(8 * 1024 * 1024)) });

/** Describes every certificate-like file: names, validity, CA or not, and whether ssl.key matches ssl.cert. */
export async function inspectCertificates(request: Request): Promise<CertificateInfo[]> {
  const body = await input(request, inspectInput, 40 * 1024 * 1024);
  const decoded = new Map<string, Buffer>();
  for (const [name, b64] of Object.entries(body.certs)) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64.replace(/\s+/g, ''))) throw new ApiError(400, `"certs.${name}": not valid base64`);
    decoded.set(name, Buffer.from(b64, 'base64'));
  }
  const now = new Date();
  const sslKey = decoded.get('ssl.key');
  const key = sslKey ? parsePrivateKey(sslKey.toString('utf8')) : undefined;
  return [...decoded].map(([name, bytes]) => {
    const file = inspectCertificateFile(bytes, now);
    const info: CertificateInfo = {
      name,
      ok: file.certificates.length > 0 && file.errors.length === 0,
      certificates: file.certificates.map((c) => ({
        subject: c.subject,
        issuer: c.issuer,
        sans: [...c.dnsNames, ...c.ipAddresses],
        notBefore: c.notBefore,
        notAfter: c.notAfter,
        expired: c.validity !== 'valid',
        isCA: c.isCA,
        fingerprint256: c.fingerprint256,
      })),
      hasPrivateKey: file.privateKeys > 0,
    };
    if (file.errors[0]) info.error = file.errors[0].message;
    else if (file.certificates.length === 0) info.error = file.privateKeys > 0 ? 'contains a private key, no certificate' : 'no PEM certificate found';
    // Key match needs the parsed leaf, not its summary.
    const leaf = name === 'ssl.cert' && key?.ok ? parseCertificates(bytes.toString('utf8')).certificates[0] : undefined;
    if (leaf && key?.ok) info.keyMatches = keyMatchesCertificate(leaf, key.key);
    return info;
  });
}
