import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CommandResult } from '@hazardflow/engine';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const workerScript = fileURLToPath(new URL('./engine-worker.ts', import.meta.url));

/** What a command sent to a worker came to; `lost` when the worker died before answering. */
export type Outcome = { lost: false; result: CommandResult } | { lost: true };

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface WorkerHandle {
  readonly workerId: string;
  readonly child: ChildProcess;
  /** Resolves with the worker's answer, or `{ lost: true }` if it dies first. */
  command(request: Extract<Request, { kind: 'report' | 'send' }>): Promise<Outcome>;
  /** Resolves with the answer's value; rejects if the worker fails or dies. */
  call(request: Exclude<Request, { kind: 'report' | 'send' }>): Promise<unknown>;
  readonly alive: boolean;
  readonly exited: Promise<void>;
  /** Infrastructure errors the worker's timer poller reported. */
  readonly engineErrors: string[];
}

export interface WorkerOptions {
  url: string;
  schema: string;
  workerId: string;
  leaseMs?: number;
  /** A manual clock starting here; the parent moves it with `call({ kind: 'clock', at })`. */
  clockStart?: string;
  /** > 0 starts the engine's timer poller. */
  pollMs?: number;
  poolSize?: number;
}

/**
 * Starts one engine process (`node --conditions=@hazardflow/source --import tsx`, so it runs
 * the TypeScript sources like the tests do) and resolves once its store is open.
 */
export function startWorker(options: WorkerOptions): Promise<WorkerHandle> {
  const child = fork(workerScript, [], {
    cwd: packageDir,
    execArgv: ['--conditions=@hazardflow/source', '--import', 'tsx'],
    env: {
      ...process.env,
      HAZARDFLOW_PG_URL: options.url,
      HF_SCHEMA: options.schema,
      HF_WORKER_ID: options.workerId,
      HF_LEASE_MS: String(options.leaseMs ?? 60_000),
      HF_POLL_MS: String(options.pollMs ?? 0),
      HF_POOL_SIZE: String(options.poolSize ?? 8),
      ...(options.clockStart ? { HF_CLOCK_START: options.clockStart } : {}),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  let alive = true;
  // A killed worker's channel can fail a send (EPIPE) before its exit is reported: it is
  // gone all the same. Errors of the channel surface through sends and the exit, not here.
  let channelBroken = false;
  child.on('error', () => {
    channelBroken = true;
  });
  const pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  const engineErrors: string[] = [];
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      const error = new Error(`worker ${options.workerId} exited (${signal ?? code})`);
      for (const p of pending.values()) p.reject(error);
      pending.clear();
      resolve();
    });
  });

  function request(body: Request): Promise<WorkerReply> {
    if (!alive || !child.connected || channelBroken) {
      return Promise.reject(new Error(`worker ${options.workerId} is not running`));
    }
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      // A worker killed a moment ago may not have reported its exit yet: the send fails instead.
      child.send({ ...body, id } as WorkerRequest, (error) => {
        if (!error) return;
        channelBroken = true;
        pending.delete(id);
        reject(error);
      });
    });
  }

  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error(`worker ${options.workerId} exited before it was ready`));
    child.once('exit', onExit);
    child.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        child.off('exit', onExit);
        resolve(handle);
      } else if (reply.kind === 'engine-error') {
        engineErrors.push(reply.message);
      } else {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        p?.resolve(reply);
      }
    });
    const handle: WorkerHandle = {
      workerId: options.workerId,
      child,
      engineErrors,
      exited,
      get alive() {
        return alive && child.connected && !channelBroken;
      },
      async command(body) {
        try {
          const reply = await request(body);
          if (reply.kind === 'result') return { lost: false, result: reply.result };
          throw new Error(reply.kind === 'failed' ? reply.message : `unexpected reply ${reply.kind}`);
        } catch (error) {
          if (!alive || !child.connected || channelBroken) return { lost: true };
          throw error;
        }
      },
      async call(body) {
        const reply = await request(body);
        if (reply.kind === 'done') return reply.value;
        throw new Error(reply.kind === 'failed' ? reply.message : `unexpected reply ${reply.kind}`);
      },
    };
  });
}
