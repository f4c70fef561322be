import {
  type Actor,
  brandError,
  type Duration,
  type HazardCommand,
  type HazardNotification,
  type HazardReportInput,
  type NotificationReason,
} from '@hazardflow/core';
import type { AuditEntry, CaseView, CommandErrorCode, CommandResult } from '@hazardflow/engine';
import { formatCaseHistory } from './format-case-history';
import type { TestEngine } from './test-engine';

/**
 * A command as an application sends it: `{ type, ...payload }`. Loosely typed, so a story can
 * be read from data; the engine validates it (`parseCommand`) as it does a `HazardCommand`.
 */
export type ScenarioCommand = { type: string } & Record<string, unknown>;

/** Fields of the case view a story may check; instants may be given as Dates. */
export type CaseExpectation = {
  [K in keyof CaseView]?: CaseView[K] extends string | null ? CaseView[K] | Date : CaseView[K];
};

/** A story's step went wrong: the message says what, and shows the case's history. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    message: string,
    readonly history: readonly AuditEntry[],
  ) {
    super(message);
  }
}

/** True for a `ScenarioError` from any copy of `@hazardflow/testing` (ESM or CJS build); `instanceof` agrees. */
export const isScenarioError = brandError(ScenarioError, '@hazardflow/testing/ScenarioError');

/** Someone about to act in a story. */
export interface ScenarioActor {
  /** Sends a command; a rejection fails the story with the error and the case's history. */
  send(command: ScenarioCommand): Promise<CaseView>;
  /** The next command must be rejected with `code`; sending resolves to the error. */
  expectError(code: CommandErrorCode): { send(command: ScenarioCommand): Promise<CommandResult & { ok: false }> };
}

/** One case's story, read top to bottom. */
export interface CaseScenario {
  readonly id: string;
  /** The view after the last step of this story. */
  readonly view: CaseView;
  as(actor: Actor): ScenarioActor;
  advance(duration: Duration): Promise<CaseView>;
  advanceTo(instant: string | Date): Promise<CaseView>;
  /** Checks fields of the current view; a mismatch fails with every difference and the history. */
  expect(expected: CaseExpectation): Promise<CaseView>;
  /** This case's notifications since the story began, optionally of some reasons. */
  notifications(...reasons: NotificationReason[]): HazardNotification[];
  history(): Promise<AuditEntry[]>;
}

export interface ScenarioStart {
  report(input: HazardReportInput, options: { as: Actor; commandId?: string }): Promise<CaseScenario>;
}

/**
 * Stories over a test engine that read top to bottom:
 *
 * ```ts
 * const s = await scenario(t).report(report, { as: gridWorker });
 * await s.as(inspector).send({ type: 'TRIAGE' });
 * await s.advance({ workingDays: 3 });
 * await s.expect({ status: 'triaged', overdue: true });
 * await s.as(owner).expectError('FORBIDDEN').send({ type: 'VERIFY', result: 'pass' });
 * ```
 *
 * Every failure (a rejected command, an unexpected success, a field that differs) throws a
 * `ScenarioError` whose message ends with the case's audit history: who did what, when, and
 * how the status moved, timers included.
 */
export function scenario(engine: TestEngine): ScenarioStart {
  return {
    async report(input, options) {
      const mark = engine.mark();
      const result = await engine.report(input, {
        actor: options.as,
        ...(options.commandId !== undefined ? { commandId: options.commandId } : {}),
      });
      if (!result.ok) {
        throw new ScenarioError(
          `REPORT by ${who(options.as)} was rejected: ${result.error.code}: ${result.error.message}`,
          [],
        );
      }
      return caseScenario(engine, result.case, mark);
    },
  };
}

function caseScenario(engine: TestEngine, first: CaseView, mark: number): CaseScenario {
  const id = first.id;
  let view = first;

  const fail = async (message: string): Promise<never> => {
    const history = await engine.history(id);
    throw new ScenarioError(`${message}\n\nHistory of case ${id}:\n${formatCaseHistory(history)}`, history);
  };
  const refresh = async () => {
    view = await engine.view(id);
    return view;
  };

  const story: CaseScenario = {
    id,
    get view() {
      return view;
    },
    as(actor) {
      return {
        async send(command) {
          const result = await engine.send(id, command as HazardCommand, { actor });
          if (!result.ok) {
            return fail(
              `${command.type} by ${who(actor)} was rejected at ${engine.now()}: ${result.error.code}: ${result.error.message}`,
            );
          }
          view = result.case;
          return view;
        },
        expectError(code) {
          return {
            async send(command) {
              const result = await engine.send(id, command as HazardCommand, { actor });
              if (result.ok) {
                view = result.case;
                return fail(`${command.type} by ${who(actor)} was expected to fail with ${code}, but it was accepted`);
              }
              if (result.error.code !== code) {
                return fail(
                  `${command.type} by ${who(actor)} was expected to fail with ${code}, but failed with ${result.error.code}: ${result.error.message}`,
                );
              }
              return result;
            },
          };
        },
      };
    },
    async advance(duration) {
      await engine.advance(duration);
      return refresh();
    },
    async advanceTo(instant) {
      await engine.advanceTo(instant);
      return refresh();
    },
    async expect(expected) {
      const current = await refresh();
      const differences: string[] = [];
      for (const [field, want] of Object.entries(expected)) {
        const wanted = want instanceof Date ? want.toISOString() : want;
        const got = (current as unknown as Record<string, unknown>)[field];
        if (!sameValue(wanted, got)) {
          differences.push(`  ${field}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(got)}`);
        }
      }
      if (differences.length > 0) {
        await fail(`case ${id} at ${engine.now()} is not as expected:\n${differences.join('\n')}`);
      }
      return current;
    },
    notifications: (...reasons) =>
      engine.notificationsSince(mark, id).filter((n) => reasons.length === 0 || reasons.includes(n.reason)),
    history: () => engine.history(id),
  };
  return story;
}

function who(actor: Actor): string {
  return `${actor.id} (${actor.role}${actor.org !== undefined ? ` of ${actor.org}` : ''})`;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}
