import { deskAssetsDir, deskAssetsUrl } from '@hazardflow/desk/assets';
import { describe, expect, it } from 'vitest';
// The SPA's internals have no package export (the package ships static files); these pure
// parts are tested from their sources.
import { ApiError, commandSchemasOf } from '../src/api/client';
import { createRequestAttempt } from '../src/api/request-attempt';
import type { CaseView } from '../src/api/types';
import { currentStateIds, highlighted, lifecycleStates } from '../src/components/current-states';
import { payloadOf } from '../src/components/schema-form';
import { deadlineOf, formatInstant } from '../src/format/dates';

const view = (patch: Partial<CaseView>): CaseView => ({
  id: 'c1',
  version: 1,
  packId: 'fire',
  packVersion: '1.0.0',
  category: 'ebike-corridor',
  severity: 'general',
  imminentDanger: false,
  status: 'rectifying',
  siteId: 's',
  siteName: 'S',
  territory: 'street-east',
  regulator: 'fire-rescue',
  responsible: 'p',
  escalationLevel: 0,
  maxEscalationLevel: 0,
  listedSupervision: false,
  dueAt: null,
  overdue: false,
  paused: false,
  interimControls: [],
  reportedAt: '2026-06-01T01:00:00.000Z',
  closedAt: null,
  updatedAt: '2026-06-01T01:00:00.000Z',
  reopenedCount: 0,
  closedOnTime: null,
  workingDaysToClose: null,
  ...patch,
});

describe('@hazardflow/desk/assets', () => {
  it('names the built SPA folder, as a path and as a file URL', () => {
    expect(deskAssetsDir()).toMatch(/packages[/\\]desk[/\\]dist[/\\]app[/\\]?$/);
    expect(deskAssetsUrl().href).toMatch(/^file:.*\/dist\/app\/$/);
  });
});

describe('deadlines in the case time zone', () => {
  const now = new Date('2026-06-01T15:30:00.000Z'); // 23:30 on 1 June in Shanghai
  it('counts calendar days between Shanghai dates, not 24-hour spans', () => {
    // Due 00:30 on 3 June in Shanghai: two calendar days away although only 25 hours.
    expect(deadlineOf(view({ dueAt: '2026-06-02T16:30:00.000Z' }), now, 'Asia/Shanghai')).toEqual({
      kind: 'calendarDays',
      days: 2,
      overdue: false,
    });
    expect(deadlineOf(view({ dueAt: '2026-05-30T01:00:00.000Z', overdue: true }), now, 'Asia/Shanghai')).toEqual({
      kind: 'calendarDays',
      days: 2,
      overdue: true,
    });
  });
  it('prefers working days when the service sends them', () => {
    expect(deadlineOf(view({ dueAt: '2026-06-10T00:00:00.000Z', workingDaysLeft: 4 }), now, 'Asia/Shanghai')).toEqual({
      kind: 'workingDays',
      days: 4,
      overdue: false,
    });
  });
  it('has no deadline without dueAt', () => {
    expect(deadlineOf(view({ dueAt: null }), now, 'Asia/Shanghai')).toEqual({ kind: 'none' });
  });
  it('formats instants in the given zone', () => {
    expect(formatInstant('2026-06-01T16:05:00.000Z', 'Asia/Shanghai', 'zh')).toContain('2026/06/02 00:05');
    expect(formatInstant('2026-06-01T16:05:00.000Z', 'UTC', 'en')).toContain('16:05');
  });
});

const MERMAID = `stateDiagram-v2
  state "hazard" as hazard {
    state hazard_lifecycle {
      state "reported" as hazard_lifecycle_reported
      state "noticeIssued" as hazard_lifecycle_noticeIssued
      state "planPending" as hazard_lifecycle_planPending
      state hazard_lifecycle_planPending {
        state "drafting" as hazard_lifecycle_planPending_drafting
        hazard_lifecycle_planPending_drafting --> hazard_lifecycle_planPending_drafting : SUBMIT_PLAN [maySubmitPlan]
      }
      hazard_lifecycle_reported --> hazard_lifecycle_noticeIssued : ISSUE_NOTICE [mayIssueNotice]
      hazard_lifecycle_noticeIssued --> hazard_lifecycle_noticeIssued : TIMER.WARNING
    }
  }
`;

describe('the statechart', () => {
  it('lists the lifecycle states with the commands that leave them (timers left out)', () => {
    expect(lifecycleStates(MERMAID)).toEqual([
      { id: 'hazard_lifecycle_reported', name: 'reported', events: ['ISSUE_NOTICE'] },
      { id: 'hazard_lifecycle_noticeIssued', name: 'noticeIssued', events: [] },
      { id: 'hazard_lifecycle_planPending', name: 'planPending', events: ['SUBMIT_PLAN'] },
    ]);
  });
  it('marks the states of the view: lifecycle, escalation level, interim control', () => {
    expect(currentStateIds(view({ status: 'notice_issued', overdue: true, escalationLevel: 2, dueAt: 'x' }))).toEqual([
      'hazard_lifecycle_noticeIssued',
      'hazard_escalation_watching_overdue_level_2',
      'hazard_interimControl_none',
    ]);
    expect(currentStateIds(view({ status: 'closed', interimControls: ['seal'] }))).toEqual([
      'hazard_lifecycle_closed',
      'hazard_interimControl_active',
    ]);
  });
  it('styles only states the diagram has', () => {
    const out = highlighted(MERMAID, ['hazard_lifecycle_reported', 'hazard_escalation_paused']);
    expect(out).toContain('class hazard_lifecycle_reported current');
    expect(out).not.toContain('hazard_escalation_paused');
    expect(highlighted(MERMAID, ['nowhere'])).toBe(MERMAID);
  });
});

describe('command forms', () => {
  const evidence = {
    type: 'array',
    items: { type: 'object', properties: { kind: { type: 'string' }, uri: { type: 'string' } } },
    default: [],
  };
  const document = {
    components: {
      schemas: {
        Evidence: evidence,
        Command: {
          oneOf: [
            { type: 'object', properties: { type: { type: 'string', enum: ['TRIAGE'] } } },
            {
              type: 'object',
              properties: {
                type: { const: 'ISSUE_NOTICE' },
                clauses: { type: 'array', items: { type: 'string' }, minItems: 1 },
                evidence: { $ref: '#/components/schemas/Evidence' },
                note: { type: 'string' },
              },
              required: ['type', 'clauses'],
            },
          ],
        },
      },
    },
  };

  it('takes one schema per command from the OpenAPI union, resolving references', () => {
    const schemas = commandSchemasOf(document);
    expect(Object.keys(schemas)).toEqual(['TRIAGE', 'ISSUE_NOTICE']);
    expect(schemas.ISSUE_NOTICE?.properties?.evidence?.items?.properties?.uri).toEqual({ type: 'string' });
  });

  it('turns the form into a body: lines to lists, evidence stamped, blanks left out', () => {
    const schema = commandSchemasOf(document).ISSUE_NOTICE ?? {};
    const body = payloadOf(
      schema,
      {
        clauses: 'Art. 28\n\n Art. 60 ',
        evidence: [
          { kind: 'notice-service-proof', uri: 'oss://n.pdf', by: 'inspector-1' },
          { kind: 'photo', uri: '', by: 'inspector-1' },
        ],
        note: '',
      },
      '2026-06-01T01:00:00.000Z',
    );
    expect(body).toEqual({
      clauses: ['Art. 28', 'Art. 60'],
      evidence: [
        { kind: 'notice-service-proof', uri: 'oss://n.pdf', by: 'inspector-1', at: '2026-06-01T01:00:00.000Z' },
      ],
    });
  });

  it('sends a duration as its unit and number', () => {
    const schema = {
      type: 'object',
      properties: {
        extendBy: {
          anyOf: [
            { type: 'object', properties: { workingDays: { type: 'integer' } } },
            { type: 'object', properties: { days: { type: 'integer' } } },
          ],
        },
        granted: { type: 'boolean' },
      },
    };
    expect(payloadOf(schema, { extendBy: { unit: 'days', amount: '5' }, granted: true }, 'now')).toEqual({
      extendBy: { days: 5 },
      granted: true,
    });
  });
});

describe('one request per attempt (Idempotency-Key)', () => {
  const problem = (status: number, code: string) =>
    new ApiError({ type: 'about:blank', title: code, status, detail: code, code });

  it('keeps the key and the instant for a retry after a lost answer, and after a mismatch', () => {
    let n = 0;
    const attempt = createRequestAttempt(
      () => `key-${++n}`,
      () => `2026-09-07T02:00:0${n}.000Z`,
    );
    const first = attempt.start();
    expect(first).toEqual({ key: 'key-1', at: '2026-09-07T02:00:01.000Z' });
    expect(attempt.start()).toBe(first); // a double click
    attempt.failed(problem(0, 'NETWORK'));
    expect(attempt.start()).toBe(first); // may have been applied: retried as the same request
    attempt.failed(problem(422, 'IDEMPOTENCY_MISMATCH'));
    expect(attempt.start()).toBe(first);
    attempt.failed(new TypeError('not an answer'));
    expect(attempt.start()).toBe(first);
  });

  it('starts a new request after a refusal the service answered (nothing was applied)', () => {
    let n = 0;
    const attempt = createRequestAttempt(
      () => `key-${++n}`,
      () => `2026-09-07T02:00:0${n}.000Z`,
    );
    attempt.start();
    attempt.failed(problem(422, 'EVIDENCE_REQUIRED'));
    expect(attempt.start()).toEqual({ key: 'key-2', at: '2026-09-07T02:00:02.000Z' });
  });
});
