/**
 * @hazardflow/cli — the `hazardflow` command line, and the same commands as functions for
 * programs that embed them: validate and draw policy packs, simulate a scripted case on a
 * manual clock, report on a cases database and verify audit chains.
 *
 * @example
 * ```ts
 * import { checkScenario, runCli, runScenario } from '@hazardflow/cli';
 * import { firePack } from '@hazardflow/policy-fire';
 *
 * process.exitCode = await runCli(['validate', 'my-pack.yaml']); // 0 ok, 1 invalid, 2 usage error
 *
 * // Nobody triages the e-bikes for four working days (over National Day): the case is overdue.
 * const checked = checkScenario({
 *   start: '2025-09-26T10:00:00+08:00',
 *   actors: { grid: { id: 'grid-7', role: 'territory', org: 'street-east' } },
 *   report: {
 *     as: 'grid',
 *     hazard: {
 *       category: 'ebike-corridor',
 *       site: { id: 'b3', name: 'Building 3', placeType: 'high-rise-residential', territory: 'street-east' },
 *       responsible: { id: 'greenview-property' },
 *       description: 'E-bikes charging on a stair landing',
 *       evidence: [{ kind: 'photo' }],
 *     },
 *   },
 *   steps: [{ advance: { workingDays: 4 } }, { expect: { status: 'reported', overdue: true } }],
 * });
 * if (checked.success) console.log((await runScenario(firePack, checked.scenario)).ok); // true
 * ```
 *
 * @packageDocumentation
 */
export { CliError, type CliErrorCode } from './cli-error';
export { EXIT_CODES, type ExitCode } from './exit-codes';
export { LEDGER_EXTENSIONS, writeLedger } from './ledger/write-ledger';
export { ledgerCsv } from './ledger/write-ledger-csv';
export { ledgerWorkbook, writeLedgerXlsx } from './ledger/write-ledger-xlsx';
export { type LoadedPack, type LoadPackOptions, loadPack, loadValidPack } from './load-pack';
export { localeFromEnvironment, parseLangOption } from './locale';
export { runCli } from './program';
export { renderSvg } from './render-svg';
export { formatTimeline } from './scenario/format-timeline';
export { checkScenario, loadScenario, type ScenarioIssue } from './scenario/load-scenario';
export {
  type AdvanceEntry,
  type ChangeEntry,
  type ExpectationCheck,
  type ExpectEntry,
  type RejectedEntry,
  runScenario,
  type SimulationResult,
  type TimelineEntry,
  type TimelineNotification,
} from './scenario/run-scenario';
export type { Expectation, Scenario, ScenarioStep } from './scenario/scenario-schema';
export { SHIPPED_PACKS } from './shipped-packs';
export { processTerminal, type Terminal, wantsColour } from './terminal';
