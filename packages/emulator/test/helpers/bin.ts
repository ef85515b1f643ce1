/** Runs the built CLI (dist/bin.js) as a child process and waits for its banner. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));

export interface RunningBin {
  child: ChildProcess;
  url: string;
  stdout(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startBin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningBin> {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the package first (npx nx build @volc-speech/emulator)`);
  const cleanEnv = { ...process.env };
  delete cleanEnv['VOLC_ACCESSKEY'];
  delete cleanEnv['VOLC_SECRETKEY'];
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...cleanEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 10 s; stdout: ${out}; stderr: ${err}`)), 10_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`exited before listening; stdout: ${out}; stderr: ${err}`));
    });
  });
  return { child, url, stdout: () => out, exited };
}
