import type { Actor } from '@hazardflow/core';
import type { CommandResult } from '@hazardflow/engine';

/** What the test or the benchmark asks an engine process to do, over the IPC channel. */
export type WorkerRequest =
  | { kind: 'report'; id: number; input: unknown; actor: Actor; commandId: string }
  | { kind: 'send'; id: number; caseId: string; command: unknown; actor: Actor; commandId: string }
  /** Moves the worker's manual clock forward. */
  | { kind: 'clock'; id: number; at: string }
  /** Fires every due timer it can claim, until none is left; replies with how many it fired. */
  | { kind: 'drain'; id: number }
  /**
   * Stops the poller, claims due timers and then hangs holding their leases, as a worker
   * killed between claiming and firing would; replies with how many it holds (0: nothing
   * could be claimed, nothing is held and the poller runs again).
   */
  | { kind: 'hold'; id: number }
  /** Benchmark: `lanes` concurrent case walks for `durationMs`; replies with the command count. */
  | { kind: 'load'; id: number; durationMs: number; lanes: number }
  | { kind: 'stop'; id: number };

export type WorkerReply =
  | { kind: 'ready'; workerId: string }
  | { kind: 'result'; id: number; result: CommandResult }
  | { kind: 'done'; id: number; value?: unknown }
  | { kind: 'failed'; id: number; message: string }
  /** An `error` event of the engine (infrastructure failures in the timer poller). */
  | { kind: 'engine-error'; message: string };

export interface LoadResult {
  commands: number;
  conflicts: number;
  rejected: number;
  elapsedMs: number;
  /** CPU time the worker process spent during the run (user + system). */
  cpuMs: number;
}
