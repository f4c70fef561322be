import { z } from 'zod';
import { durationSchema } from '../duration';
import { closestMatch } from './closest-match';
import { describeValue, listOr } from './describe-value';
import { type IssuePath, type PolicyPackIssue, type PolicyPackIssueCode, packIssue } from './policy-pack-issue';
import { scalarSchema } from './schema';

type RawIssue = z.core.$ZodRawIssue;
type ZodIssue = z.core.$ZodIssue;

/**
 * Reads zod's issues as pack issues in plain words. zod's own messages are written for
 * developers (`Invalid input: expected number, received undefined`); pack authors need
 * `is required`. The error map words the defaults (a message written in the schema, such as
 * the id pattern's, still wins), then `toPackIssues` splits and flattens what zod groups:
 * one issue per unknown field, and a union (a duration) is reported through the one
 * alternative the author evidently meant, e.g. `{ workingDays: 0 }` as a too-small number.
 */
export interface ZodIssueReader {
  readonly errorMap: z.core.$ZodErrorMap;
  toPackIssues(issues: readonly ZodIssue[], prefix?: IssuePath): PolicyPackIssue[];
}

const MAX_LISTED_FIELDS = 12;

export function createZodIssueReader(): ZodIssueReader {
  /** The fields a strict object or an enum-keyed record knows, by the `keys` array of the issue. */
  const knownKeysOf = new WeakMap<readonly string[], readonly string[]>();

  const errorMap: z.core.$ZodErrorMap = (issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.inst);
      if (known) knownKeysOf.set(issue.keys, known);
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${listOr(issue.keys)}`;
    }
    return plainMessage(issue);
  };

  function unknownFieldMessage(key: string, known: readonly string[] | undefined): string {
    if (!known) return 'unknown field';
    const guess = closestMatch(key, known);
    if (guess !== undefined) return `unknown field; did you mean "${guess}"?`;
    if (known.length <= MAX_LISTED_FIELDS) return `unknown field; expected one of ${known.join(', ')}`;
    return 'unknown field';
  }

  function toPackIssues(issues: readonly ZodIssue[], prefix: IssuePath = []): PolicyPackIssue[] {
    const out: PolicyPackIssue[] = [];
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      switch (issue.code) {
        case 'unrecognized_keys': {
          const known = knownKeysOf.get(issue.keys);
          for (const key of issue.keys) {
            out.push(packIssue([...path, key], 'unknown_field', unknownFieldMessage(key, known)));
          }
          break;
        }
        case 'invalid_union': {
          const meant = issue.errors.filter((branch) => !branch.some(failsAtRoot));
          const [only] = meant;
          if (meant.length === 1 && only !== undefined) out.push(...toPackIssues(only, path));
          else out.push(packIssue(path, unionCode(issue), issue.message));
          break;
        }
        case 'invalid_type':
          out.push(packIssue(path, issue.input === undefined ? 'required' : 'invalid_type', issue.message));
          break;
        case 'invalid_format': {
          const got = typeof issue.input === 'string' ? `, got ${describeValue(issue.input)}` : '';
          out.push(
            packIssue(path, 'invalid_format', issue.message.includes(', got ') ? issue.message : issue.message + got),
          );
          break;
        }
        case 'too_small':
        case 'too_big':
          out.push(packIssue(path, issue.code, issue.message));
          break;
        case 'invalid_key':
        case 'invalid_element':
          out.push(...toPackIssues(issue.issues, path));
          break;
        case 'invalid_value':
          out.push(packIssue(path, issue.input === undefined ? 'required' : 'invalid_value', issue.message));
          break;
        default:
          out.push(packIssue(path, 'invalid_value', issue.message));
      }
    }
    return out;
  }

  return { errorMap, toPackIssues };
}

/** A union alternative that fails on its own shape (wrong type, foreign keys) was not the one meant. */
function failsAtRoot(issue: ZodIssue): boolean {
  return issue.path.length === 0 || (issue.code === 'invalid_type' && issue.input === undefined);
}

function unionCode(issue: z.core.$ZodIssueInvalidUnion): PolicyPackIssueCode {
  if (issue.discriminator !== undefined) return 'invalid_value';
  if (issue.input === undefined) return 'required';
  return issue.message.startsWith('must be a duration') ? 'invalid_duration' : 'invalid_value';
}

function knownKeys(inst: unknown): readonly string[] | undefined {
  if (inst instanceof z.ZodObject) return Object.keys(inst.shape);
  if (inst instanceof z.ZodRecord) {
    const values = (inst.keyType as z.ZodType)._zod.values;
    if (values) return [...values].filter((value): value is string => typeof value === 'string');
  }
  return undefined;
}

/** Plain words for zod's default messages; undefined leaves zod's own text. */
function plainMessage(issue: RawIssue): string | undefined {
  const got = `, got ${describeValue(issue.input)}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${expectedWord(issue.expected)}${got}`;
    case 'too_small':
      return tooSmall(issue.origin, Number(issue.minimum), issue.inclusive !== false, issue.input);
    case 'too_big':
      return tooBig(issue.origin, Number(issue.maximum), issue.inclusive !== false, issue.input);
    case 'invalid_value': {
      if (issue.input === undefined) return 'is required';
      const guess =
        typeof issue.input === 'string'
          ? closestMatch(
              issue.input,
              issue.values.filter((value): value is string => typeof value === 'string'),
            )
          : undefined;
      const hint = guess !== undefined ? ` (did you mean "${guess}"?)` : '';
      if (issue.values.length === 1) return `must be ${listOr(issue.values)}${got}`;
      return `must be one of ${listOr(issue.values)}${got}${hint}`;
    }
    case 'invalid_union':
      if (issue.discriminator !== undefined) {
        const value = isRecord(issue.input) ? issue.input[issue.discriminator] : undefined;
        const options = 'options' in issue && Array.isArray(issue.options) ? issue.options : [];
        if (value === undefined) return `is required: one of ${listOr(options)}`;
        return `must be one of ${listOr(options)}, got ${describeValue(value)}`;
      }
      if (issue.input === undefined) return 'is required';
      if (issue.inst === durationSchema) {
        if (typeof issue.input === 'number') {
          const n = issue.input;
          return `must be a duration such as { days: ${n} }, { workingDays: ${n} } or { hours: ${n} }, not a bare number`;
        }
        return `must be a duration with exactly one unit, such as { workingDays: 3 }, { days: 7 }, { hours: 24 } or { minutes: 30 }${got === ', got an object' ? '' : got}`;
      }
      if (issue.inst === scalarSchema) return `must be a string, a number or true/false${got}`;
      return `does not match any accepted form${got}`;
    case 'invalid_format':
      return `does not have the expected format${got}`;
    case 'custom':
      return 'is not valid';
    default:
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function expectedWord(expected: string): string {
  switch (expected) {
    case 'int':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'string':
      return 'a string';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'an object';
    default:
      return expected;
  }
}

function tooSmall(origin: string, minimum: number, inclusive: boolean, input: unknown): string {
  if (origin === 'array' || origin === 'set') {
    const have = Array.isArray(input) ? `, got ${input.length}` : '';
    return minimum <= 1 ? 'must have at least one entry' : `must have at least ${minimum} entries${have}`;
  }
  if (origin === 'string') return minimum <= 1 ? 'must not be empty' : `must be at least ${minimum} characters long`;
  const got = `, got ${describeValue(input)}`;
  if (!inclusive && minimum === 0) return `must be greater than 0${got}`;
  return inclusive ? `must be at least ${minimum}${got}` : `must be greater than ${minimum}${got}`;
}

function tooBig(origin: string, maximum: number, inclusive: boolean, input: unknown): string {
  if (origin === 'array' || origin === 'set') return `must have at most ${maximum} entries`;
  if (origin === 'string') return `must be at most ${maximum} characters long`;
  const got = `, got ${describeValue(input)}`;
  return inclusive ? `must be at most ${maximum}${got}` : `must be less than ${maximum}${got}`;
}
