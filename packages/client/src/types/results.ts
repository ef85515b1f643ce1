/**
 * Result shapes of every action, as the official SDK models (GO, 2025-05-20/21) give them.
 * Every field is optional because the service omits empty ones (omitempty), and real
 * responses carry fields the models lack: those are kept through the index signatures
 * where callers have seen them, never invented.
 */

export interface ResponseMetadata {
  RequestId: string;
  Action: string;
  Version: string;
  Service: string;
  Region: string;
  Error?: ServiceErrorBody;
}

export interface ServiceErrorBody {
  Code: string;
  CodeN?: number;
  Message: string;
}

export interface Envelope<R> {
  ResponseMetadata: ResponseMetadata;
  Result?: R;
}

/** Void actions: `Result` is `{}`, `null` or absent on the wire (unknown which); the client gives `{}`. */
export type EmptyResult = Record<string, never>;

export interface Tag {
  Key?: string;
  Value?: string;
}

// ── Timbres ──────────────────────────────────────────────────────────────────
export interface TimbreCategory {
  Category?: string;
  NextCategory?: { Category?: string };
}
export interface TimbreEmotion {
  Emotion?: string;
  EmotionType?: string;
  DemoText?: string;
  DemoURL?: string;
}
export interface TimbreInfo {
  SpeakerName?: string;
  Gender?: string;
  Age?: string;
  Categories?: TimbreCategory[];
  Emotions?: TimbreEmotion[];
}
export interface Timbre {
  SpeakerID?: string;
  TimbreInfos?: TimbreInfo[];
}
export interface ListBigModelTTSTimbresResult {
  Timbres?: Timbre[];
}

export interface Speaker {
  VoiceType?: string;
  Name?: string;
  Avatar?: string;
  Gender?: string;
  Age?: string;
  Description?: string;
  ResourceID?: string;
  TrialURL?: string;
  ShortTrialURL?: string;
  Categories?: Array<{ Categories?: string[] }>;
  Emotions?: Array<{ Icon?: string; Label?: string; Value?: string }>;
  Languages?: Array<{ Flag?: string; Language?: string; Text?: string }>;
  NormalLabels?: string[];
  SpecialLabels?: string[];
  /** Seen in real responses (CALLER), not in the SDK model. */
  ID?: string;
  CategoryKeys?: string[];
  Heat?: number;
  Status?: string;
  Emoji?: string;
}
export interface ListSpeakersResult {
  Total?: number;
  Speakers?: Speaker[];
}

// ── API keys ─────────────────────────────────────────────────────────────────
export interface APIKey {
  ID?: number;
  Name?: string;
  APIKey?: string;
  Disable?: boolean;
  /** Format unknown (see unknowns.ts). */
  CreateTime?: string;
  UpdateTime?: string;
}
export interface ListAPIKeysResult {
  APIKeys?: APIKey[];
  TotalCount?: number;
  PageNumber?: number;
  PageSize?: number;
  MaxResults?: number;
  NextToken?: string;
}

// ── Service ──────────────────────────────────────────────────────────────────
export interface BillingResource {
  Name?: string;
  Limit?: string;
  PrepaidPurchaseColumn?: string;
  QuotaPurchaseButtonName?: string;
}
export interface ServiceStatusResult {
  /** Values unknown (see unknowns.ts SERVICE_STATUS). */
  Status?: string;
  ResourceID?: string;
  InstanceNumber?: string;
  Level?: string;
  Clusters?: string[];
  ProductDoc?: string;
  BillingRules?: string;
  BillingResource?: BillingResource;
  BillingResources?: BillingResource[];
  QuotaResource?: BillingResource;
  QuotaResources?: BillingResource[];
  Tags?: Tag[];
}

// ── Resource packs ───────────────────────────────────────────────────────────
export interface Harvest {
  CropType?: string;
  CurrentUsage?: number;
  PurchasedAmount?: number;
  ResourceID?: string;
  Unit?: string;
}
export interface ResourcePack {
  Alias?: string;
  Code?: string;
  ConfigurationCode?: string;
  /** Display text such as "8.79 小时"; use Harvest for numbers. */
  CurrentUsage?: string;
  PurchasedAmount?: string;
  Expires?: string;
  GroupName?: string;
  InstanceNumber?: string;
  IsShareable?: boolean;
  PackType?: string;
  RawType?: string;
  ResourceDisplay?: string;
  ResourceID?: string;
  State?: string;
  TrainID?: string;
  Type?: string;
  Attributes?: { CodeAttribute?: { Name?: string }; FormalizedFrom?: string; IsForcedExpiresDisplay?: boolean };
  Details?: {
    Aliasable?: boolean;
    DemoLink?: string;
    ExtraApiAllowed?: boolean;
    Formalizable?: boolean;
    Language?: string;
    RecommendedScenario?: string;
    ToneNumber?: string;
    VoiceType?: string;
    MegattsTraining?: { AvailableTrainingTimes?: number; CreateTime?: number; IsActivatable?: boolean; State?: string; Version?: string };
  };
  Harvest?: Harvest;
}
export interface ResourcePacksStatusResult {
  Packs?: ResourcePack[];
  TotalHarvests?: Harvest[];
  TotalCount?: number;
  PageNumber?: number;
  PageSize?: number;
  MaxResults?: number;
  NextToken?: string;
}
export interface OrderIDsResult {
  OrderIDs?: string[];
}
export type AliasResourcePackResult = Omit<ResourcePack, 'Attributes'>;

// ── Tags ─────────────────────────────────────────────────────────────────────
export interface ResourceTag {
  ResourceId?: string;
  ResourceType?: string;
  TagKey?: string;
  TagValue?: string;
}
export interface ListTagsForResourcesResult {
  ResourceTags?: ResourceTag[];
  NextToken?: string;
  TotalCount?: number;
}

// ── Voice cloning ────────────────────────────────────────────────────────────
export type VoiceTrainState = 'Unknown' | 'Training' | 'Success' | 'Active' | 'Expired' | 'Reclaimed';
export interface VoiceTrainStatus {
  SpeakerID?: string;
  State?: VoiceTrainState | string;
  Alias?: string;
  AvailableTrainingTimes?: number;
  CreateTime?: number;
  ExpireTime?: number;
  OrderTime?: number;
  DemoAudio?: string;
  InstanceNO?: string;
  /** A string in the 2025-05-21 SDK, a JSON bool in the docs: both are accepted. */
  IsActivable?: string | boolean;
  Version?: string;
  /** Seen in real rows and the 2023-11-07 model. */
  ResourceID?: string;
  InstanceStatus?: string;
}
export interface ListMegaTTSTrainStatusResult {
  Statuses?: VoiceTrainStatus[];
}
export interface BatchListMegaTTSTrainStatusResult {
  Statuses?: VoiceTrainStatus[];
  TotalCount?: number;
  PageNumber?: number;
  PageSize?: number;
  NextToken?: string;
}
export interface ListMegaTTSByOrderIDResult {
  OrderBuyQuantity?: number;
  OrderBuyCurrentSuccessQuantity?: number;
  OrderBuyCurrentFailedQuantity?: number;
  IsAllProcessed?: boolean;
  Statuses?: Array<
    VoiceTrainStatus & {
      Avatar?: string;
      Labels?: string[];
      Description?: string;
      ModelTypeDetails?: Record<string, unknown>;
      CloneSource?: number;
    }
  >;
  PageNumber?: number;
  PageSize?: number;
  TotalCount?: number;
  NextToken?: string;
}

// ── Monitoring ───────────────────────────────────────────────────────────────
export interface QuotaMonitoringRow {
  Day?: string;
  QuotaType?: string;
  Value?: number;
  /** Lower-case on the wire (sic: GO json tag `limit`). */
  limit?: number;
}
export interface QuotaMonitoringResult {
  QuotaMonitoring?: QuotaMonitoringRow[];
}
export interface UsageMonitoringRow {
  Day?: string;
  UsageType?: string;
  Value?: number;
}
export interface UsageMonitoringResult {
  UsageMonitoring?: UsageMonitoringRow[];
}

/** Result type of each action. */
export interface ActionResults {
  ListBigModelTTSTimbres: ListBigModelTTSTimbresResult;
  ListSpeakers: ListSpeakersResult;
  ListAPIKeys: ListAPIKeysResult;
  CreateAPIKey: EmptyResult;
  DeleteAPIKey: EmptyResult;
  UpdateAPIKey: EmptyResult;
  ServiceStatus: ServiceStatusResult;
  PauseService: EmptyResult;
  ResumeService: EmptyResult;
  ActivateService: EmptyResult;
  TerminateService: EmptyResult;
  ResourcePacksStatus: ResourcePacksStatusResult;
  OrderResourcePacks: OrderIDsResult;
  FormalizeResourcePacks: OrderIDsResult;
  AliasResourcePack: AliasResourcePackResult;
  ListTagsForResources: ListTagsForResourcesResult;
  TagResources: EmptyResult;
  UntagResources: EmptyResult;
  ListMegaTTSTrainStatus: ListMegaTTSTrainStatusResult;
  BatchListMegaTTSTrainStatus: BatchListMegaTTSTrainStatusResult;
  OrderAccessResourcePacks: OrderIDsResult;
  RenewAccessResourcePacks: OrderIDsResult;
  ListMegaTTSByOrderID: ListMegaTTSByOrderIDResult;
  QuotaMonitoring: QuotaMonitoringResult;
  UsageMonitoring: UsageMonitoringResult;
}
