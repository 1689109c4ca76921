import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { GET } from '../../app/api/v2/openapi.json/route';
import { openApiDocument } from '../../lib/openapi/document';
import { HTTP_METHODS, type Operation } from '../../lib/openapi/types';

const doc = openApiDocument();

/** The structure of an OpenAPI 3.1 document, as far as this project uses it. */
const structure = {
  type: 'object',
  required: ['openapi', 'info', 'paths', 'components'],
  properties: {
    openapi: { type: 'string', pattern: '^3\\.1\\.\\d+$' },
    info: {
      type: 'object',
      required: ['title', 'version'],
      properties: { title: { type: 'string', minLength: 1 }, version: { type: 'string', minLength: 1 } },
    },
    security: { type: 'array', items: { $ref: '#/$defs/securityRequirement' } },
    paths: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^/' },
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        properties: Object.fromEntries(HTTP_METHODS.map((m) => [m, { $ref: '#/$defs/operation' }])),
        additionalProperties: false,
      },
    },
    components: {
      type: 'object',
      properties: {
        schemas: { type: 'object', additionalProperties: { type: 'object' } },
        responses: { type: 'object', additionalProperties: { $ref: '#/$defs/response' } },
        securitySchemes: {
          type: 'object',
          additionalProperties: {
            oneOf: [
              { type: 'object', required: ['type', 'scheme'], properties: { type: { const: 'http' }, scheme: { type: 'string' } } },
              { type: 'object', required: ['type', 'in', 'name'], properties: { type: { const: 'apiKey' }, in: { enum: ['query', 'header', 'cookie'] }, name: { type: 'string' } } },
            ],
          },
        },
      },
    },
  },
  $defs: {
    securityRequirement: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
    ref: { type: 'object', required: ['$ref'], properties: { $ref: { type: 'string', pattern: '^#/' } }, additionalProperties: false },
    mediaTypes: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[a-z*]+/[-a-z0-9.+*]+$' },
      additionalProperties: { type: 'object', properties: { schema: { type: ['object', 'boolean'] } } },
    },
    response: {
      type: 'object',
      required: ['description'],
      properties: {
        description: { type: 'string', minLength: 1 },
        content: { $ref: '#/$defs/mediaTypes' },
        headers: { type: 'object', additionalProperties: { type: 'object', required: ['schema'] } },
      },
    },
    parameter: {
      type: 'object',
      required: ['name', 'in', 'schema'],
      properties: { name: { type: 'string' }, in: { enum: ['query', 'path', 'header', 'cookie'] } },
      if: { properties: { in: { const: 'path' } } },
      then: { required: ['required'], properties: { required: { const: true } } },
    },
    operation: {
      type: 'object',
      required: ['operationId', 'summary', 'responses'],
      properties: {
        operationId: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' },
        parameters: { type: 'array', items: { $ref: '#/$defs/parameter' } },
        requestBody: { type: 'object', required: ['content'], properties: { content: { $ref: '#/$defs/mediaTypes' } } },
        security: { type: 'array', items: { $ref: '#/$defs/securityRequirement' } },
        responses: {
          type: 'object',
          minProperties: 1,
          propertyNames: { pattern: '^([1-5]\\d\\d|[1-5]XX|default)$' },
          additionalProperties: { anyOf: [{ $ref: '#/$defs/ref' }, { $ref: '#/$defs/response' }] },
        },
      },
    },
  },
};

function resolvePointer(pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.replace(/^#\//, '').split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

function collectRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else collectRefs(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('has the structure of an OpenAPI 3.1 document', () => {
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
    const validate = ajv.compile(structure);
    const ok = validate(JSON.parse(JSON.stringify(doc)));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('compiles every component schema as JSON Schema 2020-12 and resolves every $ref', () => {
    // Strict: an OpenAPI-only keyword (example, nullable) in a component schema is an error here.
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, validateFormats: false });
    ajv.addKeyword('components');
    ajv.addSchema({ $id: 'https://quay-config.invalid/openapi.json', components: doc.components }, undefined, undefined, false);
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.compile({ $ref: `https://quay-config.invalid/openapi.json#/components/schemas/${name}` }), name).not.toThrow();
    }
    const refs = [...new Set(collectRefs(doc))];
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => resolvePointer(r) === undefined)).toEqual([]);
  });

  it('has unique operation ids, and a success response for every operation', () => {
    const ops = Object.values(doc.paths).flatMap((item) => HTTP_METHODS.flatMap((m) => (item[m] ? [item[m] as Operation] : [])));
    const ids = ops.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of ops)
      expect(
        Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)),
        op.operationId,
      ).toBe(true);
  });

  it('is served by GET /api/v2/openapi.json', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
  });
});
