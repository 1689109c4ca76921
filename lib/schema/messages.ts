import { isObject } from '../config/values';
import { describeTypes, echoScalar, jsonTypeOf, listValues, withArticle } from './describe-value';
import { describePattern } from './pattern-words';
import type { ErrorObject } from './validator';

/** What a message may show: the key path to name, and whether the value may be echoed (not a secret). */
export interface MessageContext {
  path: string;
  reveal: boolean;
}

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * One human sentence for one ajv error, naming the key path and, for scalars that are not secret,
 * the offending value: `MAIL_PORT must be an integer, not a string ("587")`.
 */
export function describeError(error: ErrorObject, ctx: MessageContext): string {
  const parent = isObject(error.parentSchema) ? error.parentSchema : {};
  const expect = typeof parent['x-expect'] === 'string' ? parent['x-expect'] : undefined;
  const title = typeof parent.title === 'string' ? ` (${parent.title})` : '';
  const subject = `${ctx.path || 'the config'}${title}`;
  const data: unknown = error.data;
  const got = ctx.reveal ? echoScalar(data) : undefined;
  const gotSuffix = got !== undefined ? ` (got ${got})` : '';
  const params: Record<string, unknown> = isObject(error.params) ? error.params : {};

  switch (error.keyword) {
    case 'type': {
      const expected = expect ?? describeTypes(typeList(params.type));
      const scalarExpected = typeList(params.type).every((t) => SCALAR_TYPES.has(t));
      const echo = scalarExpected && got !== undefined ? ` (${got})` : '';
      return `${subject} must be ${expected}, not ${withArticle(jsonTypeOf(data))}${echo}`;
    }
    case 'enum': {
      const allowed = Array.isArray(params.allowedValues) ? params.allowedValues : [];
      return `${subject} must be ${expect ?? `one of: ${listValues(allowed)}`}${gotOrType(got, data)}`;
    }
    case 'const':
      return `${subject} must be ${listValues([params.allowedValue])}${gotOrType(got, data)}`;
    case 'pattern':
      return `${subject} must be ${expect ?? describePattern(String(params.pattern), parent['x-example'])}${gotSuffix}`;
    case 'minItems':
    case 'maxItems': {
      const count = Array.isArray(data) ? data.length : 0;
      if (expect) return `${subject} must be ${expect}, not a list of ${plural(count, 'item')}`;
      const bound = error.keyword === 'minItems' ? 'at least' : 'at most';
      return `${subject} must have ${bound} ${plural(Number(params.limit), 'item')} (it has ${count})`;
    }
    case 'minLength':
      return Number(params.limit) === 1 ? `${subject} must not be empty` : `${subject} must be at least ${plural(Number(params.limit), 'character')} long`;
    case 'maxLength':
      return `${subject} must be at most ${plural(Number(params.limit), 'character')} long (it has ${typeof data === 'string' ? data.length : 0})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${subject} must be ${String(params.comparison)} ${String(params.limit)}${gotSuffix}`;
    case 'multipleOf':
      return `${subject} must be a multiple of ${String(params.multipleOf)}${gotSuffix}`;
    case 'uniqueItems': {
      const dup = Array.isArray(data) ? echoScalar(data[Number(params.i)]) : undefined;
      const both = ctx.reveal && dup !== undefined ? ` are both ${dup}` : ' are the same';
      return `${subject} must not contain duplicates (items ${Math.min(Number(params.i), Number(params.j))} and ${Math.max(Number(params.i), Number(params.j))}${both})`;
    }
    case 'required': {
      const when = typeof parent['x-when'] === 'string' ? ` when ${parent['x-when']}` : '';
      return `${ctx.path} is required${when}`;
    }
    case 'additionalProperties':
      return `${subject} is not an allowed key`;
    case 'anyOf':
    case 'oneOf':
      return describeAlternatives(error, parent, subject, expect, got);
    case 'not':
    case 'false schema':
      return `${subject} is not allowed here`;
    default:
      return `${subject} ${error.message ?? 'is invalid'}`;
  }
}

/** anyOf/oneOf collapsed into one sentence: what the value may be, and what it is. */
function describeAlternatives(error: ErrorObject, parent: Record<string, unknown>, subject: string, expect: string | undefined, got: string | undefined): string {
  const params: Record<string, unknown> = isObject(error.params) ? error.params : {};
  if (error.keyword === 'oneOf' && Array.isArray(params.passingSchemas)) {
    return `${subject} is ambiguous: it matches more than one of the allowed forms`;
  }
  const branches = Array.isArray(error.schema) ? error.schema.filter(isObject) : [];
  const accepted = new Set(branches.flatMap((b) => typeList(b.type ?? parent.type)));
  const expected = expect ?? (accepted.size ? describeTypes([...accepted]) : 'one of the allowed forms');
  const type = jsonTypeOf(error.data);
  const typeFits = accepted.has(type) || (type === 'number' && accepted.has('integer'));
  if (typeFits || accepted.size === 0) return `${subject} must be ${expected}${got !== undefined ? ` (got ${got})` : ''}`;
  return `${subject} must be ${expected}, not ${withArticle(type)}`;
}

function typeList(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',');
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function gotOrType(got: string | undefined, data: unknown): string {
  return got !== undefined ? ` (got ${got})` : ` (got ${withArticle(jsonTypeOf(data))})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
