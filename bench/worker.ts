/**
 * Runs a bench worker in its own Node process and returns the one message it sends. Workers talk
 * over IPC, not stdout, because zapier-platform-core's handler prints a memory line to stdout on
 * every call (as it does in Lambda); their stdout is discarded.
 */
import { fork } from 'node:child_process';
import { benchModule } from './paths';

/**
 * Forks `dist/bench/<name>.js` and waits for its result.
 * @param execArgv Node flags for the child, e.g. `--expose-gc`
 * @throws Error when the worker exits without sending a result
 */
export function runWorker(name: string, args: readonly string[] = [], execArgv: readonly string[] = []): Promise<unknown> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(benchModule(name), [...args], { execArgv: [...execArgv], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let result: unknown;
    let received = false;
    child.on('message', (message: unknown) => {
      result = message;
      received = true;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (received) resolvePromise(result);
      else reject(new Error(`bench worker ${name} exited with code ${String(code)} and no result`));
    });
  });
}

/** Sends a worker's result to the parent and lets the process end. */
export function reply(result: unknown): void {
  if (!process.send) throw new Error('a bench worker must be started by runWorker (no IPC channel)');
  process.send(result, () => process.disconnect());
}
