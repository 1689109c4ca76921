import { schemaRef, type Parameter, type RequestBody, type ResponseObject } from './types';

/**
 * The ways a bundle can be sent (lib/api/bundle-input.ts): config-tool's JSON ConfigBundle, a raw
 * quay-config.tar.gz (or .tar), or a lone config.yaml.
 */
export function bundleRequestBody(jsonSchema: 'ConfigBundle' | 'BundleJson', description: string): RequestBody {
  const archive = { schema: { type: 'string', format: 'binary' }, description: 'quay-config.tar.gz (a plain .tar is accepted too)' };
  return {
    description,
    required: true,
    content: {
      'application/json': { schema: schemaRef(jsonSchema) },
      'application/gzip': archive,
      'application/octet-stream': archive,
      'application/x-tar': { schema: { type: 'string', format: 'binary' } },
      'application/yaml': { schema: { type: 'string' }, description: 'a lone config.yaml' },
    },
  };
}

/** `quay-config.tar.gz` as an attachment. */
export const archiveResponse: ResponseObject = {
  description: 'quay-config.tar.gz: config.yaml (comments and key order kept), ssl.cert, ssl.key, other top-level files, extra_ca_certs/; config.yaml and private keys 0600, others 0644.',
  headers: {
    'Content-Disposition': { description: 'attachment; filename="quay-config.tar.gz"', schema: { type: 'string' } },
  },
  content: { 'application/gzip': { schema: { type: 'string', format: 'binary' } } },
};

/** `?mode=&groups=&timeoutMs=&quayVersion=&managed=&operator=` of the v2 validation routes. */
export const validateParameters: Parameter[] = [
  { name: 'mode', in: 'query', description: '`online` also runs the live probes; `offline` only the rules.', schema: { type: 'string', enum: ['online', 'offline'], default: 'online' } },
  { name: 'groups', in: 'query', description: 'Comma-separated field groups to validate (default: all).', schema: { type: 'string', examples: ['Database,Redis'] } },
  { name: 'timeoutMs', in: 'query', description: 'Deadline of each probe in milliseconds.', schema: { type: 'integer', minimum: 100, maximum: 60000 } },
  { name: 'quayVersion', in: 'query', description: 'The Quay release to judge for: 3.4 … 3.19 or head (also 3.9.2, v3.9); default the newest.', schema: { type: 'string', examples: ['3.9', 'head'] } },
  {
    name: 'managed',
    in: 'query',
    description:
      "Validate as Quay's operator would: these QuayRegistry components are managed (quay, postgres, redis, objectstorage, route, tls, clair, clairpostgres, horizontalpodautoscaler, mirror, monitoring).",
    schema: { type: 'string', examples: ['postgres,redis,objectstorage'] },
  },
  {
    name: 'operator',
    in: 'query',
    description: "`true`: validate as Quay's operator would with its default components (all managed; tls unmanaged when the bundle has ssl.cert and ssl.key).",
    schema: { type: 'boolean', default: false },
  },
];
