/**
 * The slice of OpenAPI 3.1 this project writes, typed so a misspelt member is a compile error.
 * Schemas are plain JSON Schema 2020-12 objects (OpenAPI 3.1's default dialect).
 */

export type JsonSchema = { [keyword: string]: unknown };

export interface MediaType {
  schema?: JsonSchema;
  description?: string;
}

export interface Header {
  description: string;
  schema: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}

export type ResponseOrRef = ResponseObject | { $ref: string };

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  description: string;
  required?: boolean;
  schema: JsonSchema;
}

export interface RequestBody {
  description: string;
  required: boolean;
  content: Record<string, MediaType>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: RequestBody;
  responses: Record<string, ResponseOrRef>;
  /** `[]` for the routes that need no credentials; absent means the document-wide requirement. */
  security?: SecurityRequirement[];
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = Partial<Record<HttpMethod, Operation>>;

/** `{"$ref": "#/components/schemas/<name>"}`. */
export function schemaRef(name: string): JsonSchema {
  return { $ref: `#/components/schemas/${name}` };
}

/** `{"$ref": "#/components/responses/<name>"}`. */
export function responseRef(name: string): { $ref: string } {
  return { $ref: `#/components/responses/${name}` };
}

/** A JSON response whose body is the named component schema (or an inline one). */
export function jsonResponse(description: string, schema: JsonSchema | string): ResponseObject {
  return { description, content: { 'application/json': { schema: typeof schema === 'string' ? schemaRef(schema) : schema } } };
}
