import { COMPONENT_KINDS } from '../k8s/managed-components';
import { QUAY_RELEASES } from '../schema/releases';
import { FIELD_GROUP_IDS, STAGES } from '../report/types';
import { schemaRef, type JsonSchema } from './types';

/**
 * Component schemas: the JSON shapes of the API (lib/report/types.ts, lib/api/contract.ts,
 * lib/bundle/json.ts), with enums taken from the code so they cannot drift. Objects are closed
 * (`additionalProperties: false`) so the contract test notices a field added in code but not here.
 */

const base64 = { type: 'string', contentEncoding: 'base64', description: 'standard base64 (RFC 4648 §4, padded)' };
const closed = (required: string[], properties: Record<string, JsonSchema>, description?: string): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  required,
  properties,
  additionalProperties: false,
});

const certs: JsonSchema = {
  type: 'object',
  description: 'Bundle files other than config.yaml by relative path (`ssl.cert`, `extra_ca_certs/ca.crt`), base64.',
  additionalProperties: base64,
};
const config: JsonSchema = { type: 'object', description: "Quay's config.yaml as an object of keys to values." };
const certificate = closed(['subject', 'issuer', 'sans', 'notBefore', 'notAfter', 'expired', 'isCA', 'fingerprint256'], {
  subject: { type: 'string' },
  issuer: { type: 'string' },
  sans: { type: 'array', items: { type: 'string' } },
  notBefore: { type: 'string', format: 'date-time' },
  notAfter: { type: 'string', format: 'date-time' },
  expired: { type: 'boolean' },
  isCA: { type: 'boolean' },
  fingerprint256: { type: 'string' },
});

const groupReport = closed(['group', 'status', 'durationMs', 'findings'], {
  group: schemaRef('FieldGroupId'),
  status: { type: 'string', enum: ['ok', 'warning', 'error', 'skipped'] },
  durationMs: { type: 'number', minimum: 0 },
  findings: { type: 'array', items: schemaRef('Finding') },
  skippedReason: { type: 'string' },
});

const validationReport = closed(
  ['valid', 'mode', 'quayVersion', 'durationMs', 'groups'],
  {
    valid: { type: 'boolean', description: 'True iff no finding has severity error.' },
    mode: { type: 'string', enum: ['online', 'offline'] },
    quayVersion: { type: 'string', enum: [...QUAY_RELEASES], description: 'The Quay release the verdicts are for.' },
    managed: {
      type: 'array',
      items: { type: 'string', enum: [...COMPONENT_KINDS] },
      description: "Under Quay's operator: the QuayRegistry components it manages (absent for a standalone Quay).",
    },
    durationMs: { type: 'number', minimum: 0 },
    groups: { type: 'array', items: schemaRef('GroupReport') },
  },
  'The validation report (design.md §4), as the CLI prints it with --json.',
);

/** A closed object schema plus an `event` discriminator, for the NDJSON stream's lines. */
function withEvent(event: string, schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Record<string, JsonSchema>;
  const required = schema.required as string[];
  return closed(['event', ...required], { event: { const: event }, ...properties });
}

export const componentSchemas: Record<string, JsonSchema> = {
  Error: closed(['error'], { error: { type: 'string', description: 'What is wrong with the request, naming the field or entry.' } }),
  FieldGroupId: { type: 'string', enum: [...FIELD_GROUP_IDS] },
  Finding: closed(['severity', 'fields', 'stage', 'code', 'message'], {
    severity: { type: 'string', enum: ['error', 'warning'], description: '`error` makes the config invalid; `warning` does not.' },
    fields: { type: 'array', items: { type: 'string' }, description: 'Key paths, most specific first.' },
    stage: { type: 'string', enum: [...STAGES], description: 'How far the check got: config → dns → tcp → tls → auth → semantic.' },
    code: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Stable kebab-case id of the check.' },
    message: { type: 'string' },
    hint: { type: 'string' },
  }),
  GroupReport: groupReport,
  ValidationReport: validationReport,
  ValidationEvent: {
    description: 'One NDJSON line: `start`, then one `group` per field group as it finishes, then `done` with the whole report.',
    oneOf: [closed(['event', 'mode'], { event: { const: 'start' }, mode: { type: 'string', enum: ['online', 'offline'] } }), withEvent('group', groupReport), withEvent('done', validationReport)],
  },
  ConfigBundle: closed(
    ['config.yaml'],
    {
      'config.yaml': config,
      certs,
      managedFieldGroups: { type: 'array', items: schemaRef('FieldGroupId'), description: 'Groups managed by the operator (only /api/v1/config/operator reads it).' },
    },
    "quay/config-tool's ConfigBundle.",
  ),
  BundleJson: closed(['config.yaml'], {
    'config.yaml': config,
    certs,
    originalConfigYaml: { type: 'string', description: 'The config.yaml text the config was loaded from: a download keeps its comments and key order.' },
  }),
  ParsedBundle: closed(['config.yaml', 'certs', 'findings'], {
    'config.yaml': config,
    certs,
    originalConfigYaml: { type: 'string' },
    findings: { type: 'array', items: schemaRef('Finding'), description: 'What reading found: entries left out, duplicate keys, …' },
  }),
  ConfigToolError: closed(['FieldGroup', 'Tags', 'Message'], {
    FieldGroup: { type: 'string' },
    Tags: { type: 'array', items: { type: 'string' } },
    Message: { type: 'string' },
  }),
  ServerConfig: closed(['bundle', 'readonlyGroups', 'operatorEndpoint', 'quayReleases', 'defaultQuayVersion'], {
    bundle: { oneOf: [schemaRef('ParsedBundle'), { type: 'null' }] },
    readonlyGroups: { type: 'array', items: schemaRef('FieldGroupId') },
    operatorEndpoint: { type: 'boolean', description: 'Whether the server was started with --operator-endpoint.' },
    quayReleases: { type: 'array', items: { type: 'string', enum: [...QUAY_RELEASES] }, description: 'The releases `quayVersion` takes, oldest first.' },
    defaultQuayVersion: { type: 'string', enum: [...QUAY_RELEASES], description: 'The release verdicts are for when `quayVersion` is not given.' },
  }),
  PskResponse: closed(['psk'], { psk: { ...base64, description: 'At least 32 random bytes, standard base64.' } }),
  SecretKeyResponse: closed(['value'], { value: { type: 'string' } }),
  ServiceKeyRequest: closed([], {
    name: { type: 'string', maxLength: 200 },
    service: { type: 'string', pattern: '^[a-z0-9_]+$', maxLength: 100 },
    expiration: { type: ['string', 'null'], format: 'date-time' },
    quayUrl: { type: 'string', format: 'uri' },
    scannerUrl: { type: 'string', format: 'uri', description: "SECURITY_SCANNER_ENDPOINT: the verifier's audience and listen port." },
  }),
  ServiceKeyResponse: closed(['kid', 'name', 'privateKeyPem', 'publicKeyPem', 'expiration', 'jwtproxySnippet'], {
    kid: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    name: { type: 'string' },
    privateKeyPem: { type: 'string', description: 'PKCS#1 PEM, to save as security_scanner.pem; shown once, kept nowhere.' },
    publicKeyPem: { type: 'string' },
    expiration: { type: ['string', 'null'], format: 'date-time' },
    jwtproxySnippet: { type: 'string' },
  }),
  SelfSignedRequest: closed(['hostname'], {
    hostname: { type: 'string', maxLength: 253, description: 'SERVER_HOSTNAME, optionally with :port.' },
    ips: {
      type: 'array',
      maxItems: 16,
      items: {
        anyOf: [
          { type: 'string', format: 'ipv4' },
          { type: 'string', format: 'ipv6' },
        ],
      },
    },
  }),
  SelfSignedResponse: closed(['caCertPem', 'certPem', 'keyPem'], {
    caCertPem: { type: 'string' },
    certPem: { type: 'string', description: 'ssl.cert: the server certificate followed by the CA.' },
    keyPem: { type: 'string', description: 'ssl.key' },
  }),
  InspectRequest: closed(['certs'], { certs }),
  CertificateInfo: closed(['name', 'ok', 'certificates', 'hasPrivateKey'], {
    name: { type: 'string' },
    ok: { type: 'boolean' },
    error: { type: 'string' },
    certificates: { type: 'array', items: certificate },
    keyMatches: { type: 'boolean' },
    hasPrivateKey: { type: 'boolean' },
  }),
  ClairConfigRequest: closed(['psk'], {
    psk: { type: 'string', minLength: 1, maxLength: 4096 },
    quayUrl: { type: 'string', format: 'uri' },
    clairUrl: { type: 'string', format: 'uri' },
    httpListenAddr: { type: 'string', maxLength: 100 },
  }),
  ClairConfigResponse: closed(['yaml'], { yaml: { type: 'string' } }),
  SchemaResponse: closed(['schema', 'ui', 'sections'], {
    schema: { type: 'object', description: "Quay's config JSON schema." },
    ui: { type: 'object', description: 'UI metadata by key.' },
    sections: { type: 'array' },
  }),
  Health: closed(['status'], { status: { const: 'ok' } }),
  SessionRequest: closed(['password'], { password: { type: 'string' } }),
  DraftKeyRequest: closed(['draftId'], { draftId: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,64}$' } }),
  DraftKeyResponse: closed(['key'], { key: { type: 'string', description: 'AES-256-GCM key, standard base64.' } }),
};
