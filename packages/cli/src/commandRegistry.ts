/**
 * Commands added by other modules (e.g. `volc-speech probe`): a module registers itself here
 * and main.ts imports it. A registered command receives the arguments after its name as given,
 * and does its own parsing.
 */
import type { CliIo } from './main.js';

export interface RegisteredCommand {
  name: string;
  usage: string;
  summary: string;
  /** Full `help <name>` text. */
  help?: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const registered = new Map<string, RegisteredCommand>();

export function registerCommand(command: RegisteredCommand): void {
  registered.set(command.name, command);
}

export function registeredCommand(name: string): RegisteredCommand | undefined {
  return registered.get(name);
}

export function registeredCommands(): RegisteredCommand[] {
  return [...registered.values()];
}
