import type { Clock, TimeoutHandle } from './clock';

/** One `start()`ed loop: `stopped` once `stop()` was called, `timeout` while it waits. */
interface Loop {
  stopped: boolean;
  timeout: TimeoutHandle | undefined;
}

/**
 * The poller: runs `pass` every `pollMs` on `clock` until stopped. One pass runs at a time:
 * a poller started while a stopped one's pass still runs waits for that pass before its
 * first. `pass` reports its own errors (it must not reject).
 */
export function createPoller(clock: Clock, pass: () => Promise<void>) {
  let loop: Loop | undefined;
  let running: Promise<void> | undefined;

  return {
    start(pollMs: number): void {
      if (loop) return;
      const current: Loop = { stopped: false, timeout: undefined };
      loop = current;
      const tick = async () => {
        current.timeout = undefined;
        while (running) await running; // a pass of an earlier, stopped poller
        if (current.stopped) return;
        const run = pass().finally(() => {
          if (running === run) running = undefined;
        });
        running = run;
        await run;
        if (!current.stopped) current.timeout = clock.setTimeout(tick, pollMs);
      };
      current.timeout = clock.setTimeout(tick, 0);
    },

    /** No pass starts after this call; resolves when a running pass has finished. */
    stop(): Promise<void> {
      if (loop) {
        loop.stopped = true;
        if (loop.timeout !== undefined) clock.clearTimeout(loop.timeout);
        loop = undefined;
      }
      return running ?? Promise.resolve();
    },
  };
}
