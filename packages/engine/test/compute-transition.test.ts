import { type Actor, createHazardMachine, definePolicyPack, type HazardMachine } from '@hazardflow/core';
import { computeInitial, computeTransition, restoreSnapshot } from '@hazardflow/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { referencePack } from '../../core/test/fixtures/reference-pack';
import { referenceReport } from '../../core/test/support/actors';
import { commandTemplates, randomActors } from '../../core/test/support/command-templates';

const pack = definePolicyPack(referencePack);
const machine = createHazardMachine(pack);
const categories = pack.categories.map((c) => c.id);
type Snapshot = ReturnType<HazardMachine['resolveState']>;
type Action = { type: string; params?: unknown };

/** Everything a snapshot says, in comparable form (state nodes by id, sets as arrays). */
function shape(snapshot: Snapshot) {
  const s = snapshot as Snapshot & { _nodes: { id: string }[]; historyValue: unknown };
  return {
    status: s.status,
    value: s.value,
    context: s.context,
    nodes: s._nodes.map((node) => node.id),
    tags: [...s.tags],
    children: Object.keys(s.children),
    historyValue: s.historyValue,
    output: s.output,
    error: s.error,
  };
}

const actionsOf = (actions: readonly Action[]) => actions.map(({ type, params }) => ({ type, params }));

/** Persist and restore as the engine does: only `value` and `context` are stored, as JSON. */
const persisted = (snapshot: Snapshot) =>
  JSON.parse(JSON.stringify({ value: snapshot.value, context: snapshot.context }));

const step = fc.oneof(
  fc.record({
    kind: fc.constant('command' as const),
    command: fc.nat({ max: commandTemplates.length - 1 }),
    actor: fc.nat({ max: randomActors.length - 1 }),
    hours: fc.integer({ min: 0, max: 24 * 3 }),
  }),
  fc.record({ kind: fc.constant('timer' as const) }),
);

describe('computeTransition, computeInitial and restoreSnapshot', () => {
  it("return exactly what xstate's transition, initialTransition and resolveState return", () => {
    fc.assert(
      fc.property(fc.constantFrom(...categories), fc.array(step, { maxLength: 30 }), (category, steps) => {
        const input = referenceReport(category, '2026-01-05T02:00:00.000Z');
        const [reference, referenceActions] = initialTransition(machine, input);
        const [candidate, candidateActions] = computeInitial(machine, input);
        expect(shape(candidate)).toEqual(shape(reference));
        expect(actionsOf(candidateActions)).toEqual(actionsOf(referenceActions));

        let snapshot = reference;
        let now = Date.parse(input.at);
        const timers = new Map<string, { dueAt: number; event: { type: string; at: string } }>();
        const track = (actions: readonly Action[], at: number) => {
          for (const action of actions) {
            const params = action.params as { id?: string; delay?: number; sendId?: string; event?: never };
            if (action.type === 'xstate.raise' && params.delay !== undefined && params.id && params.event) {
              timers.set(params.id, { dueAt: at + params.delay, event: params.event });
            } else if (action.type === 'xstate.cancel' && params.sendId) timers.delete(params.sendId);
          }
        };
        track(referenceActions, now);

        for (const s of steps) {
          let event: { type: string; at: string; actor?: Actor };
          if (s.kind === 'timer') {
            const next = [...timers.entries()].sort(([, a], [, b]) => a.dueAt - b.dueAt)[0];
            if (!next) continue;
            timers.delete(next[0]);
            now = Math.max(now, next[1].dueAt);
            event = next[1].event;
          } else {
            now += s.hours * 3_600_000;
            const actor = randomActors[s.actor] as Actor;
            event = {
              ...(commandTemplates[s.command] as () => { type: string })(),
              at: new Date(now).toISOString(),
              actor,
            };
          }
          const stored = persisted(snapshot);
          const restoredByXstate = machine.resolveState(stored);
          const restored = restoreSnapshot(machine, stored);
          expect(shape(restored)).toEqual(shape(restoredByXstate));

          const [expected, expectedActions] = transition(machine, restoredByXstate, event as never);
          const [actual, actualActions] = computeTransition(machine, restored, event);
          expect(shape(actual)).toEqual(shape(expected));
          expect(actionsOf(actualActions)).toEqual(actionsOf(expectedActions));
          snapshot = expected;
          track(expectedActions, now);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('falls back to xstate for a machine that invokes actors, with the same result', async () => {
    const { createMachine, fromPromise } = await import('xstate');
    const invoking = createMachine({
      initial: 'idle',
      states: {
        idle: { on: { GO: 'loading' } },
        loading: { invoke: { id: 'load', src: fromPromise(async () => 1) }, on: { DONE: 'idle' } },
      },
    });
    const [initial] = computeInitial(invoking, undefined);
    const [next] = computeTransition(invoking, initial, { type: 'GO' });
    expect(next.value).toBe('loading');
    expect(Object.keys(next.children)).toEqual(['load']);
  });
});
