/** Runs the live check's command in-process, collecting what it prints. */
import { main } from '../../live-check/cli';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `npm run live-check -- <argv>` with `env` as the environment; stdout and stderr are collected. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
