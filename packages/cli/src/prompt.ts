/** Asking a person for a value at the terminal; the secret key is read without echo. */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export interface InputStream extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

/** One line from a terminal; `hidden` echoes nothing (for the secret key). */
export function ask(input: InputStream, output: NodeJS.WritableStream, question: string, hidden = false): Promise<string> {
  let muted = false;
  const sink = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true });
  return new Promise<string>((resolve, reject) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) output.write('\n');
      resolve(answer.trim());
    });
    muted = hidden;
    rl.once('SIGINT', () => {
      rl.close();
      reject(new Error('interrupted'));
    });
  });
}

/** All of a non-terminal stdin, for piped values (`printf 'secret\n' | volc-speech configure ...`). */
export async function readAll(input: NodeJS.ReadableStream, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) throw new Error(`standard input is larger than ${limit} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
