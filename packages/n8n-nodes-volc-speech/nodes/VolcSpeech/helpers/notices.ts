/**
 * The orange notice on operations that stop service or spend money: what it stops or buys,
 * whether it can be undone, and the two guards (trigger test items, AI agents).
 */
import { needsExplicitConfirmation } from '@volc-speech/client';
import type { ActionName, ActionSpec } from '@volc-speech/client';

const WHAT_IT_DOES: Partial<Record<ActionName, string>> = {
  PauseService:
    'Pausing stops the selected services at once: every speech request to them fails until you resume them with "Resume Service". It can be undone and costs nothing.',
  TerminateService:
    'Terminating closes the selected services for good: every speech request to them fails, and they cannot be resumed from n8n (only reopened in the Volcengine console). It cannot be undone.',
  OrderResourcePacks:
    'This buys resource packs and charges your Volcengine account every time it runs. It cannot be undone from n8n: refunds go through the Volcengine console.',
  FormalizeResourcePacks:
    'This turns a trial pack into a paid one and charges your Volcengine account. It cannot be undone from n8n.',
  OrderAccessResourcePacks:
    'This buys cloned-voice slots and charges your Volcengine account at once, every time it runs. It cannot be undone from n8n.',
  RenewAccessResourcePacks:
    'This renews cloned voices and charges your Volcengine account every time it runs. It cannot be undone from n8n.',
  DeleteAPIKey: 'Deleting an API key breaks every app that uses it, at once. It cannot be undone: a new key has a new secret.',
  UpdateAPIKey:
    'Disabling an API key (Disable on) makes every app that uses it fail until the key is enabled again. Renaming it is harmless.',
};

const GUARDS =
  'It is never retried automatically. Items from a test run of the Volcengine Speech Trigger are refused. As an AI agent tool it only runs when "Allow AI Agent to Run This" is on; use n8n\'s human review for tools to approve each call.';

export function noticeText(action: ActionName): string | undefined {
  const what = WHAT_IT_DOES[action];
  return what ? `${what} ${GUARDS}` : undefined;
}

/** Operations that stop service, break apps or spend money (the action table's effect): noticed, and guarded in the router. */
export function isGuarded(spec: ActionSpec): boolean {
  return needsExplicitConfirmation(spec);
}

/** The per-node switch that lets the AI-agent tool variant run a guarded operation. */
export const ALLOW_AI_AGENT = 'allowAiAgent';

/** The marker the trigger puts on every item of a test run ("Fetch Test Event", "Execute workflow"). */
export const TEST_RUN_MARKER = 'fromTestRun';
