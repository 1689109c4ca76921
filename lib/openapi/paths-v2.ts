import { archiveResponse, bundleRequestBody, validateParameters } from './bundle-media';
import { jsonResponse, responseRef, schemaRef, type Operation, type PathItem, type RequestBody } from './types';

const common = { '401': responseRef('Unauthorized') };
const withBadRequest = { '400': responseRef('BadRequest'), ...common };

function jsonBody(schema: string, description: string, required = true): RequestBody {
  return { description, required, content: { 'application/json': { schema: schemaRef(schema) } } };
}

/** A POST that takes an optional small JSON body (or none) and answers one JSON shape. */
function keyOperation(operationId: string, summary: string, response: string, body?: RequestBody): Operation {
  return {
    operationId,
    summary,
    tags: ['keys and certificates'],
    ...(body ? { requestBody: body } : {}),
    responses: { '200': jsonResponse(summary, response), ...(body ? withBadRequest : common) },
  };
}

/** Our API: validation report, streaming, bundles, keys, certificates, schema, session. */
export const v2Paths: Record<string, PathItem> = {
  '/api/v2/health': {
    get: {
      operationId: 'health',
      summary: 'Liveness (no credentials needed)',
      tags: ['server'],
      security: [],
      responses: { '200': jsonResponse('The server is up.', 'Health') },
    },
  },
  '/api/v2/session': {
    post: {
      operationId: 'login',
      summary: 'Browser login: a session cookie for the password',
      tags: ['server'],
      security: [],
      requestBody: jsonBody('SessionRequest', 'The password of user quayconfig.'),
      responses: {
        '204': {
          description: 'Logged in.',
          headers: { 'Set-Cookie': { description: 'quayconfig_session=…; HttpOnly; Secure; SameSite=Strict', schema: { type: 'string' } } },
        },
        '400': responseRef('BadRequest'),
        '401': jsonResponse('Wrong password.', 'Error'),
        '415': jsonResponse('The body is not application/json.', 'Error'),
        '429': jsonResponse('Too many failed attempts (login and Basic share one budget per client): see Retry-After.', 'Error'),
      },
    },
    delete: {
      operationId: 'logout',
      summary: 'End the browser session',
      tags: ['server'],
      responses: { '204': { description: 'The session cookie is cleared.' }, ...common },
    },
  },
  '/api/v2/session/draft-key': {
    post: {
      operationId: 'draftKey',
      summary: "The key the wizard seals its browser draft with (derived from the password and the draft's id)",
      tags: ['server'],
      requestBody: jsonBody('DraftKeyRequest', 'The random id of the draft.'),
      responses: { '200': jsonResponse('The key; never cached.', 'DraftKeyResponse'), '400': responseRef('BadRequest'), ...common },
    },
  },
  '/api/v2/config': {
    get: {
      operationId: 'getServerConfig',
      summary: 'The preloaded bundle and the server settings the wizard needs',
      tags: ['server'],
      responses: { '200': jsonResponse('Preloaded bundle (or null), read-only groups, operator mode.', 'ServerConfig'), ...common, '422': responseRef('UnprocessableEntity') },
    },
  },
  '/api/v2/schema': {
    get: {
      operationId: 'getSchema',
      summary: "Quay's config JSON schema with the wizard's UI metadata",
      tags: ['server'],
      responses: { '200': jsonResponse('Schema, UI metadata and sections.', 'SchemaResponse'), ...common },
    },
  },
  '/api/v2/openapi.json': {
    get: {
      operationId: 'getOpenApiDocument',
      summary: 'This document',
      tags: ['server'],
      responses: { '200': jsonResponse('OpenAPI 3.1 description of /api/v1 and /api/v2.', { type: 'object' }), ...common },
    },
  },
  '/api/v2/validate': {
    post: {
      operationId: 'validate',
      summary: 'Validate a bundle: the validation report',
      description: 'An invalid config is a successful validation: 200 with `valid: false`. 4xx is for malformed requests.',
      tags: ['validation'],
      parameters: validateParameters,
      requestBody: bundleRequestBody('BundleJson', 'The bundle to validate.'),
      responses: { '200': jsonResponse('The report.', 'ValidationReport'), ...withBadRequest, '413': responseRef('PayloadTooLarge') },
    },
  },
  '/api/v2/validate/stream': {
    post: {
      operationId: 'validateStream',
      summary: 'Validate a bundle, one NDJSON line per field group as it finishes',
      description: 'Closing the connection cancels the probes still running.',
      tags: ['validation'],
      parameters: validateParameters,
      requestBody: bundleRequestBody('BundleJson', 'The bundle to validate.'),
      responses: {
        '200': {
          description: 'Newline-delimited JSON: a `start` line, a `group` line per group, then `done` with the report.',
          content: { 'application/x-ndjson': { schema: schemaRef('ValidationEvent') } },
        },
        ...withBadRequest,
        '413': responseRef('PayloadTooLarge'),
      },
    },
  },
  '/api/v2/bundle/parse': {
    post: {
      operationId: 'parseBundle',
      summary: 'Read an uploaded quay-config.tar.gz (or config.yaml) with every safety limit',
      tags: ['bundles'],
      requestBody: bundleRequestBody('BundleJson', 'The archive or config.yaml to read.'),
      responses: { '200': jsonResponse('The bundle as JSON, plus what reading found.', 'ParsedBundle'), ...withBadRequest, '413': responseRef('PayloadTooLarge') },
    },
  },
  '/api/v2/bundle/download': {
    post: {
      operationId: 'downloadBundle',
      summary: 'quay-config.tar.gz for a bundle',
      tags: ['bundles'],
      requestBody: bundleRequestBody('BundleJson', 'The bundle to pack; with originalConfigYaml the comments and key order survive.'),
      responses: { '200': archiveResponse, ...withBadRequest, '413': responseRef('PayloadTooLarge') },
    },
  },
  '/api/v2/bundle/k8s-secret': {
    post: {
      operationId: 'bundleK8sSecret',
      summary: "The bundle as the Kubernetes Secret for the Quay operator's configBundleSecret",
      description: 'One data key per file; `extra_ca_certs/<name>` becomes `extra_ca_cert_<name>`, as the operator and certs_install.sh expect.',
      tags: ['bundles'],
      parameters: [
        { name: 'name', in: 'query', required: true, description: 'The Secret name (DNS-1123 subdomain).', schema: { type: 'string', maxLength: 253 } },
        { name: 'namespace', in: 'query', description: 'metadata.namespace (DNS-1123 label); left out when absent.', schema: { type: 'string', maxLength: 63 } },
      ],
      requestBody: bundleRequestBody('BundleJson', 'The bundle.'),
      responses: {
        '200': {
          description: 'The Secret manifest, for kubectl apply -f.',
          headers: { 'Content-Disposition': { description: 'attachment; filename="<name>.yaml"', schema: { type: 'string' } } },
          content: { 'application/yaml': { schema: { type: 'string' } } },
        },
        ...withBadRequest,
        '413': responseRef('PayloadTooLarge'),
        '422': jsonResponse('The bundle cannot be a Secret: a file name Kubernetes refuses as a key, two files with the same key, or over 1 MiB.', 'Error'),
      },
    },
  },
  '/api/v2/keys/psk': { post: keyOperation('generatePsk', 'A Clair v4 pre-shared key', 'PskResponse') },
  '/api/v2/keys/secret': { post: keyOperation('generateSecretKey', 'A value for SECRET_KEY / DATABASE_SECRET_KEY', 'SecretKeyResponse') },
  '/api/v2/keys/service-key': {
    post: keyOperation(
      'generateServiceKey',
      'A security-scanner service key (Clair v2 jwtproxy)',
      'ServiceKeyResponse',
      jsonBody('ServiceKeyRequest', 'Optional name, service, expiration and Quay URL.', false),
    ),
  },
  '/api/v2/keys/clair-config': {
    post: keyOperation('generateClairConfig', 'The Clair v4 config.yaml snippet matching the PSK', 'ClairConfigResponse', jsonBody('ClairConfigRequest', 'The PSK and URLs.')),
  },
  '/api/v2/certs/self-signed': {
    post: keyOperation('generateSelfSigned', 'A new CA and a server certificate for SERVER_HOSTNAME', 'SelfSignedResponse', jsonBody('SelfSignedRequest', 'Host name and extra IP addresses.')),
  },
  '/api/v2/certs/inspect': {
    post: {
      ...keyOperation('inspectCertificates', 'Describe certificate files', 'CertificateInfo', jsonBody('InspectRequest', 'Files by name, base64.')),
      responses: { '200': jsonResponse('One entry per file.', { type: 'array', items: schemaRef('CertificateInfo') }), ...withBadRequest },
    },
  },
};
