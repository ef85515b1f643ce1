/**
 * The emulator's whole state: plain JSON (so it persists as is and `/__emulator/state` can
 * show it), epoch milliseconds for every time, one slice per domain. Display strings (pack
 * amounts, times) are never stored: they are derived from the numbers on the way out.
 */
import type { ServiceStatusValue, VoiceTrainState } from '@volc-speech/client';

export const STATE_SCHEMA_VERSION = 1;

export interface EmulatorState {
  schemaVersion: typeof STATE_SCHEMA_VERSION;
  /** When the seed was made (state time, from the emulator's clock). */
  seededAt: number;
  account: AccountState;
  apiKeys: ApiKeysState;
  services: ServicesState;
  packs: PacksState;
  tags: TagsState;
  voices: VoicesState;
  orders: OrdersState;
  monitoring: MonitoringState;
}

export interface AccountState {
  accountId: string;
  /** AppIDs of the account: the 2023-11-07 and 2021-08-30 actions name them instead of a project. */
  apps: Array<{ appId: string; projectName: string; name: string }>;
}

// ── API keys ─────────────────────────────────────────────────────────────────
export interface ApiKeyRecord {
  ID: number;
  Name: string;
  APIKey: string;
  Disable: boolean;
  createdAt: number;
  updatedAt: number;
}
export interface ApiKeysState {
  nextId: number;
  byProject: Record<string, ApiKeyRecord[]>;
}

// ── Services ─────────────────────────────────────────────────────────────────
export interface ServiceRecord {
  resourceId: string;
  blueprintId?: number;
  status: ServiceStatusValue;
  instanceNumber: string;
  activatedAt?: number;
  updatedAt: number;
}
/** ProjectName → ResourceID → service. A pair that is absent is NotActivated. */
export interface ServicesState {
  byProject: Record<string, Record<string, ServiceRecord>>;
}

// ── Resource packs ───────────────────────────────────────────────────────────
export interface PackRecord {
  projectName: string;
  instanceNumber: string;
  resourceId: string;
  code: string;
  configurationCode: string;
  /** PACK_TYPES_SEEN: `prepaid` (bought) or `quota` (free / trial quota). */
  type: string;
  purchased: number;
  used: number;
  createdAt: number;
  expiresAt: number;
  alias: string;
  codeAttributeName?: string;
  orderId?: string;
}
export interface PacksState {
  packs: PackRecord[];
}

// ── Tags ─────────────────────────────────────────────────────────────────────
/** ResourceType → ResourceId → tag key → value (insertion-ordered). */
export type TagsState = Record<string, Record<string, Record<string, string>>>;

// ── Voice cloning ────────────────────────────────────────────────────────────
export interface VoiceRecord {
  speakerId: string;
  projectName: string;
  state: VoiceTrainState;
  /** The state an Expired voice returns to when renewed. */
  stateBeforeExpiry?: VoiceTrainState;
  alias: string;
  availableTrainingTimes: number;
  version: string;
  createdAt: number;
  orderedAt: number;
  expiresAt: number;
  instanceNo: string;
  demoAudio: string;
  /** A free trial voice: FormalizeResourcePacks turns it into a paid one. */
  trial: boolean;
  orderId?: string;
  /** Orders are delivered asynchronously: the voice is invisible until then. */
  availableAt: number;
}
export interface VoicesState {
  /** Insertion order is list order. */
  speakers: Record<string, VoiceRecord>;
}

// ── Orders ───────────────────────────────────────────────────────────────────
export interface OrderRecord {
  orderId: string;
  kind: 'voices' | 'renewal' | 'packs' | 'formalize';
  projectName: string;
  createdAt: number;
  /** When ListMegaTTSByOrderID starts to report the order as processed. */
  deliveredAt: number;
  quantity: number;
  speakerIds: string[];
  instanceNumbers: string[];
}
export interface OrdersState {
  nextSequence: number;
  byId: Record<string, OrderRecord>;
}

// ── Monitoring ───────────────────────────────────────────────────────────────
export interface MonitoringState {
  /** Clock-driven usage has been added up to this time. */
  accruedUntil: number;
  /** ProjectName → ResourceID → `yyyy-MM-dd HH` (Beijing) → amount used in that hour. */
  usage: Record<string, Record<string, Record<string, number>>>;
  /** ProjectName → ResourceID → QuotaType → `yyyy-MM-dd` → the day's peak. */
  quotaPeaks: Record<string, Record<string, Record<string, Record<string, number>>>>;
}
