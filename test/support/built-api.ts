import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The production start command's entry point (`npm start` and the Docker image run the same file). */
export const BUILT_API = resolve('api/dist/api/src/main.js');

/** The built API as a child process, with only the environment given (and PATH), as a container would run it. */
export class BuiltApi {
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolvePromise) => child.once('exit', (code, signal) => resolvePromise({ code, signal })));
  }

  /** `cwd`: where relative paths (the default DATA_DIR and PORTAL_DIR) resolve; the repository root by default. */
  static spawn(env: Record<string, string>, cwd?: string): BuiltApi {
    if (!existsSync(BUILT_API)) throw new Error(`${BUILT_API} is missing: run \`npm run build:api\` first`);
    const child = spawn(process.execPath, [BUILT_API], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new BuiltApi(child);
  }

  /** The JSON log lines written so far. */
  get logLines(): Array<Record<string, any>> {
    return this.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, any>);
  }

  /** Resolves once a log line's message contains `text`; rejects if the process exits first. */
  async waitForLog(text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.logLines.some((line) => String(line.msg ?? '').includes(text))) {
      if (this.child.exitCode !== null) throw new Error(`The API exited (${this.child.exitCode}): ${this.stderr || this.stdout}`);
      if (Date.now() > deadline) throw new Error(`No log line with "${text}" after ${timeoutMs} ms: ${this.stdout}`);
      await new Promise((resolvePromise) => setTimeout(resolvePromise, 50));
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
