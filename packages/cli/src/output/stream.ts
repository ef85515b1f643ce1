/** Writing to stdout with backpressure, so a slow reader (a pipe, `less`) keeps memory flat instead of queueing. */

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  once?(event: 'drain', listener: () => void): unknown;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

/** Resolves once the text is accepted; waits for 'drain' when the stream's buffer is full. */
export function writeOut(stream: OutputStream, text: string): Promise<void> | void {
  const accepted = stream.write(text);
  if (accepted === false && typeof stream.once === 'function') {
    return new Promise<void>((resolve) => stream.once!('drain', resolve));
  }
  return undefined;
}

/** The terminal width, or undefined when not a terminal. */
export function terminalColumns(stream: OutputStream): number | undefined {
  return stream.isTTY && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined;
}
