import { problemSchema } from './problem';

const DESCRIPTIONS = {
  400: 'malformed JSON, a field that breaks its rule, an unknown field or parameter (VALIDATION_FAILED, MALFORMED_JSON, UNKNOWN_PACK)',
  401: 'no credentials, or credentials the application does not accept (UNAUTHENTICATED)',
  403: 'the role or org may not do this (FORBIDDEN, SEPARATION_OF_DUTIES)',
  404: "no such case, or one outside the caller's jurisdiction (UNKNOWN_CASE)",
  409: 'the command does not apply to the case as it is, or it changed concurrently (NOT_ALLOWED_IN_STATE, VERSION_CONFLICT)',
  412: 'If-Match named a version the case is no longer at (VERSION_CONFLICT)',
  413: 'the body is over the size limit (PAYLOAD_TOO_LARGE)',
  415: 'the body is not application/json (UNSUPPORTED_MEDIA_TYPE)',
  422: 'the pack asks for evidence the command did not bring (EVIDENCE_REQUIRED), or the commandId answered a different request (IDEMPOTENCY_MISMATCH)',
} as const;

type ProblemStatus = keyof typeof DESCRIPTIONS;

/** The problem answers a route documents, each an `application/problem+json` body. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: DESCRIPTIONS[status], content: { 'application/problem+json': { schema: problemSchema } } },
    ]),
  ) as unknown as {
    [K in S]: { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } };
  };
}
