import packageJson from '../../package.json';
import { USERNAME } from '../server/auth';
import { SESSION_COOKIE } from '../server/session';
import { v1Paths } from './paths-v1';
import { v2Paths } from './paths-v2';
import { componentSchemas } from './schemas';
import { jsonResponse, type PathItem, type ResponseObject, type SecurityRequirement } from './types';

/** The OpenAPI 3.1 document served at `GET /api/v2/openapi.json`. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
  tags: Array<{ name: string; description: string }>;
  security: SecurityRequirement[];
  paths: Record<string, PathItem>;
  components: {
    schemas: typeof componentSchemas;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

/**
 * Describes every route under app/api (test/openapi/routes.test.ts fails when a route or method is
 * missing here, or described here but gone). Every route needs credentials, HTTP Basic
 * `quayconfig:<password>` or the browser's session cookie, except those marked `security: []`.
 */
export function openApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'quay-config API',
      version: packageJson.version,
      description:
        "Configure and validate Red Hat Quay. /api/v1 is drop-in compatible with quay/config-tool's editor API; " +
        '/api/v2 returns the full validation report. Malformed requests get a 4xx with {"error": "…"}.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    tags: [
      { name: 'config-tool compatible (v1)', description: "quay/config-tool's editor API, same paths and shapes." },
      { name: 'validation', description: 'The validation report (offline rules and live probes).' },
      { name: 'bundles', description: 'quay-config.tar.gz in and out, and the operator Secret.' },
      { name: 'keys and certificates', description: 'Clair PSK, secret keys, service keys, TLS certificates.' },
      { name: 'server', description: 'Health, session, schema and server settings.' },
    ],
    security: [{ basicAuth: [] }, { sessionCookie: [] }],
    paths: { ...v1Paths, ...v2Paths },
    components: {
      schemas: componentSchemas,
      responses: {
        BadRequest: jsonResponse('Malformed request: bad JSON, a bad bundle (naming the entry), a bad parameter.', 'Error'),
        Unauthorized: {
          ...jsonResponse('Credentials missing or wrong.', 'Error'),
          headers: { 'WWW-Authenticate': { description: 'Basic realm="quayconfig", charset="UTF-8"', schema: { type: 'string' } } },
        },
        PayloadTooLarge: jsonResponse('The body or the bundle is over a fixed limit (size, entries, expansion).', 'Error'),
        UnprocessableEntity: jsonResponse('The preloaded bundle (--config-dir) cannot be read.', 'Error'),
      },
      securitySchemes: {
        basicAuth: { type: 'http', scheme: 'basic', description: `User \`${USERNAME}\`, the password given to the server.` },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/v2/session.' },
      },
    },
  };
}
