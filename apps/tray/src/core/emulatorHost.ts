/**
 * The embedded emulator that profiles with "use the local emulator" talk to: started
 * in-process on a free loopback port the first time one is needed, shared by all of them,
 * closed with the core.
 */
import type { ConnectionTarget } from './api.js';

export interface RunningEmulator {
  url: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  close(): Promise<void> | void;
}

export type StartEmulator = () => Promise<RunningEmulator>;

export const startEmbeddedEmulator: StartEmulator = async () => {
  const { startEmulator } = await import('@volc-speech/emulator');
  return startEmulator({ port: 0, host: '127.0.0.1', quiet: true });
};

export class EmulatorHost {
  private running: Promise<RunningEmulator> | null = null;

  constructor(private readonly start: StartEmulator = startEmbeddedEmulator) {}

  /** The emulator's URL and demo credentials, starting it if needed. */
  async target(region: string): Promise<ConnectionTarget> {
    this.running ??= this.start().catch((error: unknown) => {
      this.running = null; // let the next poll try again
      throw error;
    });
    const emulator = await this.running;
    return { endpoint: emulator.url, region, credentials: emulator.credentials };
  }

  /** The running emulator, if one was started (the preview's control panel uses its URL). */
  async current(): Promise<RunningEmulator | null> {
    return this.running ? this.running.catch(() => null) : null;
  }

  async close(): Promise<void> {
    const running = this.running;
    this.running = null;
    if (running) await (await running.catch(() => null))?.close();
  }
}
