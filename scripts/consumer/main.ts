/**
 * The consumer test matrix's program (scripts/consumer-matrix.sh): the public API used the way
 * the README and docs show it, from installed tarballs. Compiled with `skipLibCheck: false` as
 * ESM (NodeNext), CommonJS (Node16) and for a bundler, then run with node. Same text in every
 * mode: no top-level await, no `import.meta`.
 */
import { createRequire } from 'node:module';
import {
  type Actor,
  CalendarError,
  type definePolicyPack,
  type HazardCommand,
  type HazardNotification,
  isCalendarError,
  isPolicyPackError,
  PolicyPackError,
} from '@hazardflow/core';
import {
  type CaseView,
  createEngine,
  createManualClock,
  createMemoryStore,
  isVersionConflictError,
  VersionConflictError,
} from '@hazardflow/engine';
import { firePack } from '@hazardflow/policy-fire';
import { isPostgresStoreError } from '@hazardflow/store-postgres';
import { createTestEngine, isScenarioError, scenario } from '@hazardflow/testing';

type Core = typeof import('@hazardflow/core');
type EngineModule = typeof import('@hazardflow/engine');
type Testing = typeof import('@hazardflow/testing');

function check(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(`consumer check failed: ${what}`);
}

const requireHere = createRequire(`${process.cwd()}/`);
const isCommonJs = typeof module === 'object';

/** The other build of a package: the CJS one from ESM (`require`), the ESM one from CJS (`import()`). */
async function otherBuild<T>(name: string): Promise<T> {
  return (isCommonJs ? await import(name) : requireHere(name)) as T;
}

const gridWorker: Actor = { id: 'grid-east-1', role: 'territory', org: 'street-east' };
const inspector: Actor = { id: 'inspector-1', role: 'regulator', org: 'fire-rescue' };
const report = {
  packId: 'fire',
  category: 'ebike-corridor',
  site: { id: 'greenview-b3', name: 'Greenview B3', placeType: 'high-rise-residential', territory: 'street-east' },
  responsible: { id: 'greenview-property', name: 'Greenview Property Management' },
  description: 'Four e-bikes charging on the stair landing',
  evidence: [{ kind: 'photo', uri: 'oss://hazards/photo.jpg', by: gridWorker.id, at: '2026-06-01T01:00:00.000Z' }],
};

async function typedEventsAndCommands(): Promise<void> {
  const engine = createEngine({
    packs: [firePack],
    store: createMemoryStore(),
    clock: createManualClock('2026-06-01T01:00:00.000Z'),
  });
  const seen: [HazardNotification, CaseView][] = [];
  engine.on('notification', (n, view) => {
    seen.push([n, view]); // n and view typed by the event name (TS7006 when they are not)
  });
  const changes: string[] = [];
  engine.on('case.reported', (change) => changes.push(change.to));
  engine.on('case.transitioned', (change) => changes.push(change.to));
  // @ts-expect-error: no such event
  engine.on('notifications', () => undefined);

  const reported = await engine.report(report, { actor: gridWorker });
  check(reported.ok, `report accepted: ${reported.ok ? '' : reported.error.message}`);
  const triage: HazardCommand = { type: 'TRIAGE', severity: 'general' };
  const triaged = await engine.send(reported.case.id, triage, { actor: inspector });
  check(triaged.ok && triaged.case.status === 'triaged', 'TRIAGE moves the case to triaged');
  const notice = { type: 'ISSUE_NOTICE', clauses: ['消防法 Art. 28'] } as const;
  const refused = await engine.send(reported.case.id, notice, { actor: inspector });
  check(!refused.ok && refused.error.code === 'EVIDENCE_REQUIRED', 'a notice without evidence is refused with a code');
  // A command from JSON goes through the same zod validation.
  const fromJson = JSON.parse('{"type":"TRIAGE","severty":"major"}') as HazardCommand;
  const invalid = await engine.send(reported.case.id, fromJson, { actor: inspector });
  check(!invalid.ok && invalid.error.code === 'VALIDATION_FAILED', 'a misspelt JSON command is VALIDATION_FAILED');
  check(changes.join() === 'reported,triaged', `listeners saw reported, triaged: ${changes.join()}`);
  check(
    seen.every(([n, view]) => n.caseId === view.id),
    'notifications name their case',
  );
}

async function errorsAcrossBuilds(): Promise<void> {
  const bad = { id: 'broken' } as unknown as Parameters<typeof definePolicyPack>[0];
  const otherCore = await otherBuild<Core>('@hazardflow/core');
  check(otherCore.PolicyPackError !== PolicyPackError, 'the other build is another copy of the class');
  let thrown: unknown;
  try {
    otherCore.definePolicyPack(bad); // a pack defined through the other build (require from ESM)
  } catch (error) {
    thrown = error;
  }
  check(thrown instanceof PolicyPackError, 'instanceof PolicyPackError across builds');
  check(isPolicyPackError(thrown) && thrown.issues.length > 0, 'isPolicyPackError across builds, issues typed');
  check(!(thrown instanceof CalendarError) && !isCalendarError(thrown), 'a pack error is no calendar error');
  const calendarError = new otherCore.CalendarError('INVALID_DATE', 'bad date', { path: 'at' });
  check(calendarError instanceof CalendarError && calendarError.code === 'INVALID_DATE', 'CalendarError by code');

  const otherEngine = await otherBuild<EngineModule>('@hazardflow/engine');
  const conflict = new otherEngine.VersionConflictError('case-1', 2, 3);
  check(conflict instanceof VersionConflictError && isVersionConflictError(conflict), 'engine errors across builds');
  check(conflict.code === 'VERSION_CONFLICT', 'engine errors carry a code');
  check(!isPostgresStoreError(conflict), 'a version conflict is no store error');
}

async function testingKitWithoutVitest(): Promise<void> {
  let vitestFound = true;
  try {
    requireHere.resolve('vitest');
  } catch {
    vitestFound = false;
  }
  check(!vitestFound, 'this project has no vitest installed');
  const otherTesting = await otherBuild<Testing>('@hazardflow/testing');
  check(typeof otherTesting.createTestEngine === 'function', 'the other build of the testing kit loads');

  const t = createTestEngine({ packs: [firePack], start: '2026-06-01T01:00:00.000Z' });
  const s = await scenario(t).report(report, { as: gridWorker });
  await s.as(inspector).send({ type: 'TRIAGE' });
  await s.expect({ status: 'triaged' });
  try {
    await s.expect({ status: 'closed' });
    check(false, 'a wrong expectation throws');
  } catch (error) {
    check(isScenarioError(error), 'a failed story step is a ScenarioError');
  }
}

async function main(): Promise<void> {
  await typedEventsAndCommands();
  await errorsAcrossBuilds();
  await testingKitWithoutVitest();
  console.log(`consumer ok (${isCommonJs ? 'CommonJS' : 'ESM'})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
