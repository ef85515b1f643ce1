import type { CommandOutcome, TrayBridge } from '../../src/shared/bridge.js';

type Commands = Pick<TrayBridge, 'confirmCommand' | 'setServicePaused'>;

/** A token for this very command, as the page's dialog or the tray menu's native dialog obtains it. */
export async function confirmFor(bridge: Commands, profileId: string, resourceId: string, paused: boolean): Promise<string> {
  return (await bridge.confirmCommand({ operation: paused ? 'pause' : 'resume', profileId, resourceId })).token;
}

/** Pause or resume the way the user does: confirm, then the command with its token. */
export async function confirmedCommand(bridge: Commands, profileId: string, resourceId: string, paused: boolean): Promise<CommandOutcome> {
  return bridge.setServicePaused(profileId, resourceId, paused, await confirmFor(bridge, profileId, resourceId, paused));
}
