import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ebikeReport, evidence, type Person, type Service, startService, tokenOf } from './support';

let service: Service;
/** A case in `verifying`, rectified by the property manager (manager-1). */
let id: string;
/** A case of another street. */
let westId: string;

beforeAll(async () => {
  service = await startService();
  const { call } = service;
  id = (await call('POST', '/cases', { as: 'gridWorker', body: ebikeReport() })).json.case.id;
  const send = (as: Person, body: unknown) => call('POST', `/cases/${id}/commands`, { as, body });
  await send('leadInspector', { type: 'TRIAGE' });
  await send('leadInspector', {
    type: 'ISSUE_NOTICE',
    clauses: ['消防法 Art. 28'],
    evidence: [evidence('notice-service-proof', 'inspector-1')],
  });
  await send('owner', { type: 'ACKNOWLEDGE' });
  const rectified = await send('owner', {
    type: 'SUBMIT_RECTIFICATION',
    evidence: [evidence('after-photo', 'manager-1')],
  });
  expect(rectified.json.case.status).toBe('verifying');
  westId = (await call('POST', '/cases', { as: 'otherStreet', body: ebikeReport('street-west') })).json.case.id;
});
afterAll(async () => {
  await service.close();
});

interface BadRequest {
  name: string;
  method?: string;
  path?: () => string;
  as?: Person;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  code: string;
  issue?: string;
}

const verify = { type: 'VERIFY', result: 'pass', evidence: [evidence('reinspection-record', 'inspector-2')] };
const commands = () => `/cases/${id}/commands`;

const table: BadRequest[] = [
  { name: 'malformed JSON', as: 'leadInspector', body: '{"type": "COMMENT",', status: 400, code: 'MALFORMED_JSON' },
  {
    name: 'wrong content type',
    as: 'leadInspector',
    body: 'type=COMMENT',
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'body over the limit',
    as: 'leadInspector',
    body: { type: 'COMMENT', text: 'x'.repeat(20_000) },
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'no body', as: 'leadInspector', status: 400, code: 'VALIDATION_FAILED' },
  {
    name: 'unknown field',
    as: 'leadInspector',
    body: { type: 'COMMENT', text: 'ok', priority: 'high' },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'unrecognized_keys',
  },
  {
    name: 'unknown command',
    as: 'leadInspector',
    body: { type: 'DELETE_CASE' },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'invalid_union',
  },
  {
    name: 'a field breaking its rule',
    as: 'leadInspector',
    body: { type: 'VERIFY', result: 'maybe' },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'invalid_value',
  },
  { name: 'no credentials', body: { type: 'COMMENT', text: 'hi' }, status: 401, code: 'UNAUTHENTICATED' },
  {
    name: 'unknown token',
    token: 'token-of-nobody',
    body: { type: 'COMMENT', text: 'hi' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  {
    name: "another street's case (answered as no such case)",
    path: () => `/cases/${westId}/commands`,
    as: 'gridWorker',
    body: { type: 'COMMENT', text: 'hi' },
    status: 404,
    code: 'UNKNOWN_CASE',
  },
  {
    name: "reading another street's case",
    method: 'GET',
    path: () => `/cases/${westId}`,
    as: 'gridWorker',
    status: 404,
    code: 'UNKNOWN_CASE',
  },
  {
    name: 'unknown case',
    path: () => '/cases/01NOSUCHCASE0000000000000/commands',
    as: 'leadInspector',
    body: { type: 'COMMENT', text: 'hi' },
    status: 404,
    code: 'UNKNOWN_CASE',
  },
  {
    name: "a case id past the engine's id length (the OpenAPI limit is the engine's)",
    path: () => `/cases/${'a'.repeat(129)}/commands`,
    as: 'leadInspector',
    body: { type: 'COMMENT', text: 'hi' },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'too_big',
  },
  {
    name: "an Idempotency-Key past the engine's id length",
    as: 'leadInspector',
    body: { type: 'COMMENT', text: 'hi' },
    headers: { 'idempotency-key': 'k'.repeat(129) },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'too_big',
  },
  { name: 'role may not', as: 'owner', body: verify, status: 403, code: 'FORBIDDEN' },
  { name: 'separation of duties', as: 'managerAsInspector', body: verify, status: 403, code: 'SEPARATION_OF_DUTIES' },
  {
    name: 'not in this state',
    as: 'leadInspector',
    body: { type: 'TRIAGE' },
    status: 409,
    code: 'NOT_ALLOWED_IN_STATE',
  },
  {
    name: 'missing evidence',
    as: 'secondInspector',
    body: { type: 'VERIFY', result: 'pass' },
    status: 422,
    code: 'EVIDENCE_REQUIRED',
  },
  {
    name: 'stale If-Match',
    as: 'secondInspector',
    body: verify,
    headers: { 'if-match': '"2"' },
    status: 412,
    code: 'VERSION_CONFLICT',
  },
  {
    name: 'weak If-Match (never matches: If-Match compares strongly)',
    as: 'secondInspector',
    body: verify,
    headers: { 'if-match': 'W/"5"' },
    status: 412,
    code: 'VERSION_CONFLICT',
  },
  {
    name: 'malformed If-Match',
    as: 'secondInspector',
    body: verify,
    headers: { 'if-match': 'version five' },
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'unknown query parameter',
    method: 'GET',
    path: () => '/cases?colour=red',
    as: 'command',
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'unrecognized_keys',
  },
  {
    name: 'limit out of range',
    method: 'GET',
    path: () => '/cases?limit=5000',
    as: 'command',
    status: 400,
    code: 'VALIDATION_FAILED',
  },
  {
    name: 'a cursor this service did not make',
    method: 'GET',
    path: () => '/cases?cursor=not-a-cursor',
    as: 'command',
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'invalid_cursor',
  },
  {
    name: 'a filter value with a NUL byte (refused by the engine, issue 28)',
    method: 'GET',
    path: () => '/cases?territory=street-a%00',
    as: 'command',
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'invalid_format',
  },
  {
    name: 'an id filter with a control character',
    method: 'GET',
    path: () => '/cases?ids=a%01b&ids=c',
    as: 'command',
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'invalid_format',
  },
  {
    name: 'a case id with a NUL byte in the path',
    method: 'GET',
    path: () => '/cases/x%00y',
    as: 'command',
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'invalid_format',
  },
  {
    name: 'report naming a pack this service does not run',
    path: () => '/cases',
    as: 'gridWorker',
    body: { ...ebikeReport(), packId: 'no-such-pack' },
    status: 400,
    code: 'UNKNOWN_PACK',
  },
  {
    name: 'report at a place type the pack does not list (a typo)',
    path: () => '/cases',
    as: 'gridWorker',
    body: { ...ebikeReport(), site: { ...ebikeReport().site, placeType: 'high-rise-residentail' } },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'unknown_place_type',
  },
  {
    name: 'report of a category at a place type it does not apply to',
    path: () => '/cases',
    as: 'gridWorker',
    body: {
      ...ebikeReport(),
      category: 'flammables-crowded-place',
      site: { ...ebikeReport().site, placeType: 'office' },
    },
    status: 400,
    code: 'VALIDATION_FAILED',
    issue: 'place_type_not_applicable',
  },
  { name: 'unknown route', method: 'GET', path: () => '/no/such/route', status: 404, code: 'NOT_FOUND' },
];

describe('bad requests: a problem+json answer each, and nothing changed', () => {
  it.each(table)('$name → $status $code', async (row) => {
    const { call } = service;
    const before = (await call('GET', `/cases/${id}/history`, { as: 'command' })).json.entries.length;
    const casesBefore = (await call('GET', '/cases', { as: 'command' })).json.items.length;
    const logged = ['log', 'info', 'warn', 'error', 'debug'].map((m) =>
      vi.spyOn(console, m as 'log').mockImplementation(() => undefined),
    );
    const headers = { ...row.headers, ...(row.token ? { authorization: `Bearer ${row.token}` } : {}) };
    const answer = await call(row.method ?? 'POST', row.path ? row.path() : commands(), {
      ...(row.as ? { as: row.as } : {}),
      ...(row.body !== undefined ? { body: row.body } : {}),
      headers,
    });
    for (const spy of logged) spy.mockRestore();

    expect(answer.status, answer.text).toBe(row.status);
    expect(answer.type).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ status: row.status, code: row.code });
    expect(answer.json.type).toBe(`urn:hazardflow:problem:${row.code.toLowerCase().replaceAll('_', '-')}`);
    expect(typeof answer.json.detail).toBe('string');
    if (row.issue) expect(answer.json.issues.map((i: { code: string }) => i.code)).toContain(row.issue);
    if (row.status === 401) expect(answer.headers.get('www-authenticate')).toBe('Bearer');

    // Credentials are never echoed nor logged.
    const token = row.token ?? (row.as ? tokenOf(row.as) : undefined);
    if (token) {
      expect(answer.text).not.toContain(token);
      for (const spy of logged) expect(JSON.stringify(spy.mock.calls)).not.toContain(token);
    }
    // Nothing changed: the case's trail and the set of cases are as they were.
    expect((await call('GET', `/cases/${id}/history`, { as: 'command' })).json.entries.length).toBe(before);
    expect((await call('GET', '/cases', { as: 'command' })).json.items.length).toBe(casesBefore);
  });

  it('answers a case outside the jurisdiction exactly as a case that does not exist', async () => {
    const { call } = service;
    const other = await call('GET', `/cases/${westId}`, { as: 'gridWorker' });
    const missing = await call('GET', '/cases/01NOSUCHCASE0000000000000', { as: 'gridWorker' });
    expect({ ...other.json, detail: '', instance: '' }).toEqual({ ...missing.json, detail: '', instance: '' });
    expect(other.json.detail).toBe(`no case "${westId}"`);
  });
});
