import { ulid } from 'ulid';
import { computeAssessment } from './assessment';
import { auditHasherOf } from './audit-hasher';
import { createAvailableCommands } from './available-commands';
import { createKeyedLock } from './case-lock';
import type { CaseView } from './case-view';
import { checkedClock, systemClock } from './clock';
import { createCommitPipeline } from './commit-pipeline';
import { createDispatcher } from './dispatcher';
import { EngineEmitter } from './engine-events';
import type { Engine, EngineOptions } from './engine-types';
import { createIdempotency } from './idempotency';
import { loadLedger } from './ledger';
import { createCaseLoader } from './load-case';
import { createMemoryStore } from './memory-store';
import { createMigration } from './migration';
import { createPackRegistry } from './pack-registry';
import { createPoller } from './poller';
import { createRandomSource } from './random-source';
import {
  assessmentOptionsSchema,
  caseFilterSchema,
  caseIdSchema,
  deliveryFilterSchema,
  ledgerReadOptionsSchema,
  pageSchema,
  parseReadInput,
} from './read-input-schemas';
import { createRepairDeadlines } from './repair-deadlines';
import { createActorValidator, createReportCommand } from './report-command';
import { retryPolicyOf } from './retry-backoff';
import { createSendCommand } from './send-command';
import { toPrivateKey, toPublicKey, verifyCheckpointChain } from './store-checkpoint';
import { createTimerPass } from './timer-pass';
import { verifyCaseTrail } from './verify-case-trail';
import { verifyStore } from './verify-store';
import { writeCheckpoint } from './write-checkpoint';

export type { EngineEvents } from './engine-events';
export type { AuditOptions, CommandOptions, Engine, EngineOptions, RunDueTimersOptions } from './engine-types';

/**
 * Builds an engine (see `Engine`) from its parts: the pack registry, idempotency, the commit
 * pipeline with its event fan-out, report and send handling, the timer pass and the poller.
 */
export function createEngine(options: EngineOptions): Engine {
  const store = options.store ?? createMemoryStore();
  const clock = options.clock ?? systemClock;
  // What every part reads the time from: a clock returning an invalid date is a ClockError.
  const now = checkedClock(clock);
  const random = createRandomSource();
  const workerId = options.workerId ?? `engine-${ulid(undefined, random)}`;
  const packs = createPackRegistry(options.packs, options.calendar ? { calendar: options.calendar } : {});
  const emitter = new EngineEmitter();
  const withCaseLock = createKeyedLock();
  const idempotency = createIdempotency(store);
  const validateActor = createActorValidator();
  const load = createCaseLoader(store, packs);
  const notificationText = {
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.notificationTemplates !== undefined ? { templates: options.notificationTemplates } : {}),
  };
  const hasher = auditHasherOf(options.audit?.key);
  const signingKey = options.audit?.signingKey === undefined ? undefined : toPrivateKey(options.audit.signingKey);
  const { leaseMs: deliveryLeaseMs, batchSize: deliveryBatch, ...retry } = options.delivery ?? {};
  const dispatch = options.deliver
    ? createDispatcher({
        store,
        clock: now,
        emitter,
        deliver: options.deliver,
        workerId,
        leaseMs: deliveryLeaseMs ?? 60_000,
        batchSize: deliveryBatch ?? 100,
        retry: retryPolicyOf(retry),
        random: Math.random,
      })
    : undefined;
  const commitChange = createCommitPipeline({
    store,
    clock: now,
    packs,
    emitter,
    idempotency,
    workerId,
    notificationText,
    hasher,
    outbox: options.outbox !== false && store.claimOutbox !== undefined,
    notificationEvent: dispatch === undefined,
  });
  const report = createReportCommand({
    clock: now,
    random,
    packs,
    idempotency,
    validateActor,
    commitChange,
    prerelease: options.prerelease === true,
  });
  const availableCommands = createAvailableCommands({ validateActor, load });
  const send = createSendCommand({ clock: now, idempotency, validateActor, load, commitChange, withCaseLock });
  const runDueTimers = createTimerPass({
    store,
    clock: now,
    emitter,
    load,
    commitChange,
    withCaseLock,
    workerId,
    leaseMs: options.timerLeaseMs ?? 60_000,
  });
  const repairDeadlines = createRepairDeadlines({
    store,
    clock: now,
    packs,
    packList: options.packs,
    load,
    commitChange,
    withCaseLock,
  });
  const migration = createMigration({ store, clock: now, packs, commitChange, withCaseLock });
  const poller = createPoller(now, async () => {
    try {
      await runDueTimers();
    } catch (error) {
      emitter.emit('error', error);
    }
  });

  const dispatcher = createPoller(now, async () => {
    try {
      await dispatch?.();
    } catch (error) {
      emitter.emit('error', error);
    }
  });

  const engine: Engine = {
    store,
    clock,
    report,
    send,
    availableCommands,
    async get(caseId) {
      return (await store.getCase(parseReadInput('get', 'caseId', caseIdSchema, caseId)))?.view;
    },
    async query(filter, page) {
      return store.query(
        parseReadInput('query', 'filter', caseFilterSchema, filter, {}),
        parseReadInput('query', 'page', pageSchema, page, {}),
      );
    },
    async history(caseId) {
      return store.history(parseReadInput('history', 'caseId', caseIdSchema, caseId));
    },
    async ledger(filter, ledgerOptions) {
      const parsedFilter = parseReadInput('ledger', 'filter', caseFilterSchema, filter, {});
      parseReadInput('ledger', 'options', ledgerReadOptionsSchema, ledgerOptions, {});
      // Validated, then passed as given: a calendar may be a class instance.
      return loadLedger(store, parsedFilter, {
        packs: options.packs,
        locale: options.locale,
        ...(ledgerOptions ?? {}),
      });
    },
    async timers(caseId) {
      const rows = await store.timersOf(parseReadInput('timers', 'caseId', caseIdSchema, caseId));
      return [...rows].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || compare(a.timerId, b.timerId));
    },
    async verifyHistory(input) {
      const caseId = parseReadInput('verifyHistory', 'caseId', caseIdSchema, input);
      let record = await store.getCase(caseId);
      const entries = await store.history(caseId);
      // A commit landing between the two reads adds an entry and a version: read the case again.
      if (record && entries.length > record.view.version) record = await store.getCase(caseId);
      if (!record && entries.length === 0) return { ok: true, length: 0 };
      return verifyCaseTrail(caseId, entries, record, { hasher });
    },
    checkpoint: () => writeCheckpoint(store, now, { hasher, ...(signingKey ? { signingKey } : {}) }),
    verifyStore: (verifyOptions = {}) =>
      verifyStore(store, {
        hasher,
        ...(verifyOptions.publicKey !== undefined ? { publicKey: toPublicKey(verifyOptions.publicKey) } : {}),
      }),
    async verifyCheckpoints(publicKey) {
      const checkpoints = store.listCheckpoints ? await store.listCheckpoints() : [];
      return verifyCheckpointChain(checkpoints, { publicKey: toPublicKey(publicKey) });
    },
    runDueTimers,
    repairDeadlines,
    planMigration: migration.plan,
    migrate: migration.run,
    async dispatchNotifications(dispatchOptions) {
      if (!dispatch) throw new TypeError('dispatchNotifications: the engine was created without a `deliver` handler');
      return dispatch(dispatchOptions);
    },
    async deliveries(filter) {
      const parsed = parseReadInput('deliveries', 'filter', deliveryFilterSchema, filter, {});
      if (!store.deliveries) throw new TypeError('deliveries: the store has no outbox');
      return store.deliveries(parsed);
    },
    start(startOptions = {}) {
      poller.start(startOptions.pollMs ?? 1_000);
      if (dispatch) dispatcher.start(startOptions.pollMs ?? 1_000);
    },
    stop: async () => {
      await Promise.all([poller.stop(), dispatcher.stop()]);
    },
    async assessment(input) {
      const assessmentOptions = parseReadInput('assessment', 'options', assessmentOptionsSchema, input, {});
      if (store.assessment) return store.assessment(assessmentOptions);
      const views: CaseView[] = [];
      if (store.allViews) {
        for await (const view of store.allViews()) views.push(view);
      } else {
        let cursor: string | undefined;
        do {
          const page = await store.query({}, { limit: 1000, ...(cursor ? { cursor } : {}) });
          views.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      return computeAssessment(views, assessmentOptions);
    },
    on(event, listener, context) {
      emitter.on(event, listener, context);
      return this;
    },
    once(event, listener, context) {
      emitter.once(event, listener, context);
      return this;
    },
    off(event, listener, context, once) {
      emitter.off(event, listener, context, once);
      return this;
    },
  };
  return engine;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
