/** A mistake in how the command was typed: exit code 2, and nothing was sent. */
export class UsageError extends Error {
  static {
    Object.defineProperty(this.prototype, 'name', { value: 'UsageError', writable: true, configurable: true });
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/** 128 + SIGINT, as shells report a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;
/** 128 + SIGPIPE: the reader of our output went away (`| head -1`). */
export const EXIT_PIPE_CLOSED = 141;
