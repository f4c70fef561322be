import type { CommandErrorCode } from '@hazardflow/engine';
import { z } from '@hono/zod-openapi';

/** One thing wrong with a request: where (a dotted path into the body or query) and what. */
export const problemIssueSchema = z
  .object({
    path: z.string(),
    code: z.string().optional(),
    message: z.string(),
  })
  .openapi('ProblemIssue');
export type ProblemIssue = z.infer<typeof problemIssueSchema>;

/**
 * An RFC 9457 problem: `type` names the problem (`urn:hazardflow:problem:<code>`), `code` is
 * the engine's error code (or the HTTP layer's own: UNAUTHENTICATED, NOT_FOUND, …), and
 * `issues` says which fields broke which rule.
 */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    issues: z.array(problemIssueSchema).optional(),
    instance: z.string().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;

/** The HTTP layer's own problem codes, beside the engine's command error codes. */
export type HttpProblemCode =
  | CommandErrorCode
  | 'UNAUTHENTICATED'
  | 'NOT_FOUND'
  | 'MALFORMED_JSON'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
};

/** Thrown inside a handler to answer with a problem; `createHttpApp`'s error handler renders it. */
export class ProblemError extends Error {
  readonly status: number;
  readonly code: HttpProblemCode;
  readonly issues: readonly ProblemIssue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: HttpProblemCode,
    detail: string,
    extra: { issues?: readonly ProblemIssue[] | undefined; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.code = code;
    this.issues = extra.issues;
    this.headers = extra.headers ?? {};
  }
}

/** The `application/problem+json` response for a problem. */
export function problemResponse(error: ProblemError, instance?: string): Response {
  const body: Problem = {
    type: `urn:hazardflow:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.issues && error.issues.length > 0 ? { issues: [...error.issues] } : {}),
    ...(instance !== undefined ? { instance } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json', ...error.headers },
  });
}

/** zod issues as problem issues: the dotted path, zod's code and its message. */
export function issuesOfZod(issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]) {
  return issues.map((i) => ({
    path: i.path.map(String).join('.'),
    code: i.code,
    message: i.message,
  }));
}
