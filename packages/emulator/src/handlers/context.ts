/** What a handler gets besides the request: the state, the time, who called, and the runtime knobs. */
import type { ActionName, ActionRequest } from '@volc-speech/client';
import type { RandomSource } from '../state/ids.js';
import type { EmulatorState } from '../state/model.js';
import type { OrderThrottle } from '../state/orderThrottle.js';
import type { UsageSettings } from '../state/usage.js';

export interface RuntimeSettings {
  /** How long an order of voices takes to be delivered (ListMegaTTSByOrderID IsAllProcessed). */
  orderDeliveryMs: number;
  usage: UsageSettings;
  /** Accept `State: ""` on the voice lists as "every state" (OPEN; default refused). */
  acceptEmptyVoiceState: boolean;
}

export interface HandlerContext {
  state: EmulatorState;
  nowMs: number;
  action: string;
  version: string;
  accessKeyId: string;
  settings: RuntimeSettings;
  orderThrottle: OrderThrottle;
  /** For new identifiers (crypto-backed). */
  random: RandomSource;
}

/** A handler gets the validated, coerced request; unknown extra fields are still on it. */
export type Handler<A extends ActionName> = (req: ActionRequest<A>, ctx: HandlerContext) => object;

export type HandlerTable = { readonly [A in ActionName]: Handler<A> };
