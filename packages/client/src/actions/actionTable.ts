/**
 * The action table: every console OpenAPI action of Doubao Speech, defined once.
 *
 * Everything else (client methods, CLI, emulator router, n8n operations) reads this
 * table. Facts follow ../shared/api/README.md (the generated official SDKs first);
 * where the contract is unsure a field carries `unsure`, and the open questions are
 * collected in ../unknowns.ts.
 */
import { TAG_FIELDS, TAG_FILTER_FIELDS, type FieldSchema } from './fieldSpec.js';
import {
  PACK_TYPES,
  QUOTA_MONITORING_MODES,
  QUOTA_TYPES,
  SPEAKER_RESOURCE_IDS,
  TAG_RESOURCE_TYPES,
  USAGE_MONITORING_MODES,
  USAGE_TYPES_SEEN,
  VOICE_STATES,
} from '../knownValues.js';

export type ActionGroup = 'timbre' | 'apiKey' | 'service' | 'resourcePack' | 'tag' | 'voiceClone' | 'monitoring';

/**
 * What calling the action does to the account:
 * - `read`: nothing; safe to retry and to poll.
 * - `write`: changes configuration; not retried unless the request provably never left.
 * - `disruptive`: stops or removes production service (Pause, Terminate, deleting or updating an API key,
 *   which can disable it); needs an explicit user action.
 * - `spends`: places an order that costs money; needs an explicit user action.
 */
export type ActionEffect = 'read' | 'write' | 'disruptive' | 'spends';

export type PagingSpec =
  | {
      readonly style: 'page';
      readonly pageField: string;
      readonly sizeField: string;
      /** ListSpeakers types its page size as a string (sic, GO/PY/TS). */
      readonly sizeIsString?: boolean;
      readonly itemsField: string;
      readonly totalField: string;
      readonly maxPageSize: number;
    }
  | {
      readonly style: 'token';
      readonly tokenField: string;
      readonly sizeField: string;
      readonly itemsField: string;
      readonly maxPageSize: number;
    };

export interface ActionSpec {
  readonly name: string;
  readonly group: ActionGroup;
  readonly version: string;
  readonly method: 'GET' | 'POST';
  /** Where the parameters travel: every current action sends a JSON body. */
  readonly paramsIn: 'body' | 'query';
  readonly effect: ActionEffect;
  readonly summary: string;
  readonly summaryZh: string;
  readonly fields: FieldSchema;
  readonly paging?: PagingSpec;
  /** Where the contract is unsure about the action as a whole. */
  readonly unsure?: string;
  /** At least one of these fields must be given (non-empty), e.g. ListTagsForResources (EXPL: 选一个填写). */
  readonly atLeastOneOf?: readonly string[];
}

const PROJECT_NAME = { type: 'string', required: true, doc: 'Project the resource belongs to.', example: 'default' } as const;
const RESOURCE_ID = {
  type: 'string',
  doc: 'Resource ID, e.g. volc.service_type.10029 (big-model TTS).',
  example: 'volc.service_type.10029',
} as const;
const BLUEPRINT_ID = {
  type: 'int32',
  doc: 'Blueprint ID (服务原型ID / 服务配置ID), per product: 10029 with volc.service_type.10029, 10065 with volc.seedasr.auc (KNOWN_SERVICES).',
  unsure: 'Not derivable from the ResourceID; public sources pair only these two (CALLER(1) runbooks, EXPL example 10029).',
  example: 10029,
} as const;
const RESOURCE_IDS = { type: 'string[]', doc: 'Resource IDs to act on.', example: ['volc.service_type.10029'] } as const;
/** Pause/ResumeService: EXPL marks the list required (the SDK leaves it optional). */
const RESOURCE_IDS_REQUIRED = { ...RESOURCE_IDS, required: true, requiredBy: 'EXPL' } as const;
const TAG_RESOURCE_TYPE = {
  type: 'string',
  required: true,
  doc: 'Resource type: quota, access, prepaid or postpaid.',
  enum: TAG_RESOURCE_TYPES,
  enumSource: 'EXPL',
  example: 'quota',
} as const;
const TAG_RESOURCE_IDS = {
  type: 'string[]',
  required: true,
  requiredBy: 'EXPL',
  doc: 'Resource IDs (spelled Ids), usually instance IDs, e.g. VoiceClone12345678.',
  example: ['VoiceClone12345678'],
} as const;
const TAGS = { type: 'object[]', fields: TAG_FIELDS, doc: 'Tags to attach.' } as const;
const TAG_FILTERS = { type: 'object[]', fields: TAG_FILTER_FIELDS, doc: 'Filter by tags.' } as const;
const VOICE_STATE = {
  type: 'string',
  required: true,
  doc: 'Training state to list: Unknown, Training, Success, Active, Expired or Reclaimed. To list every voice, ask once per state (listAllVoices).',
  enum: VOICE_STATES,
  enumSource: 'DOC23, EXPL',
  unsure: 'No documented value lists every state; whether an empty string does is open (public callers disagree).',
  example: 'Success',
} as const;
const VOICE_TIME_FILTERS = {
  SpeakerIDs: { type: 'string[]', doc: 'Speaker IDs (S_xxxxxxxx) to list.', example: ['S_VYBmqB0A'] },
  OrderTimeStart: { type: 'int64', doc: 'Order time from (Unix ms).' },
  OrderTimeEnd: { type: 'int64', doc: 'Order time to (Unix ms).' },
  ExpireTimeStart: { type: 'int64', doc: 'Expire time from (Unix ms).' },
  ExpireTimeEnd: { type: 'int64', doc: 'Expire time to (Unix ms).' },
} as const;
const DAY = (what: string) => ({ type: 'string', required: true, doc: `${what} day, yyyy-MM-dd (Start to End: at most 7 days, EXPL).`, example: '2025-06-01' }) as const;

export const ACTIONS = {
  // ── Timbres ────────────────────────────────────────────────────────────────
  ListBigModelTTSTimbres: {
    name: 'ListBigModelTTSTimbres', group: 'timbre', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List big-model TTS timbres', summaryZh: '获取大模型音色列表',
    fields: {},
  },
  ListSpeakers: {
    name: 'ListSpeakers', group: 'timbre', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List speakers (the newer voice catalogue)', summaryZh: '获取大模型音色列表（新接口）',
    fields: {
      Page: { type: 'int32', min: 1, doc: 'Page number, from 1.' },
      Limit: { type: 'string', doc: 'Page size; typed as a string by the SDK (sic).', example: '100' },
      ResourceIDs: {
        type: 'string[]',
        required: true,
        requiredBy: 'EXPL',
        enum: SPEAKER_RESOURCE_IDS,
        enumSource: 'EXPL',
        doc: 'Model version whose voices to list: seed-tts-1.0 or seed-tts-2.0.',
        example: ['seed-tts-2.0'],
      },
      VoiceTypes: { type: 'string[]', doc: 'Filter by voice type.', example: ['zh_female_vv_uranus_bigtts'] },
    },
    paging: { style: 'page', pageField: 'Page', sizeField: 'Limit', sizeIsString: true, itemsField: 'Speakers', totalField: 'Total', maxPageSize: 100 },
  },

  // ── API keys ───────────────────────────────────────────────────────────────
  ListAPIKeys: {
    name: 'ListAPIKeys', group: 'apiKey', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List API keys', summaryZh: '拉取 API Key 列表',
    fields: { ProjectName: PROJECT_NAME, OnlyAvailable: { type: 'boolean', doc: 'Only keys that are not disabled.' } },
  },
  CreateAPIKey: {
    name: 'CreateAPIKey', group: 'apiKey', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'write',
    summary: 'Create an API key', summaryZh: '创建 API Key',
    fields: { Name: { type: 'string', required: true, doc: 'Name of the new key.', example: 'n8n' }, ProjectName: PROJECT_NAME },
    unsure: 'The SDK model has no Result fields: list the keys afterwards to read the new one.',
  },
  DeleteAPIKey: {
    name: 'DeleteAPIKey', group: 'apiKey', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'disruptive',
    summary: 'Delete an API key (every app using it stops working)', summaryZh: '删除 API Key',
    fields: { ID: { type: 'int32', required: true, doc: 'ID of the key (from ListAPIKeys).' }, ProjectName: PROJECT_NAME },
  },
  UpdateAPIKey: {
    name: 'UpdateAPIKey', group: 'apiKey', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'disruptive',
    summary: 'Rename, disable or enable an API key (disabling stops every app using it)', summaryZh: '更新 API Key',
    fields: {
      ID: { type: 'int32', required: true, doc: 'ID of the key (from ListAPIKeys).' },
      ProjectName: PROJECT_NAME,
      Name: { type: 'string', doc: 'New name.' },
      Disable: { type: 'string', doc: '"true" to disable, "false" to enable; typed as a string by the SDK (sic).', example: 'true' },
    },
  },

  // ── Service ────────────────────────────────────────────────────────────────
  ServiceStatus: {
    name: 'ServiceStatus', group: 'service', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'Get the service status', summaryZh: '查询服务状态',
    fields: {
      ProjectName: PROJECT_NAME,
      ResourceID: { ...RESOURCE_ID, required: true },
      BlueprintID: { ...BLUEPRINT_ID, required: true },
    },
  },
  PauseService: {
    name: 'PauseService', group: 'service', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'disruptive',
    summary: 'Pause the service (stops production traffic)', summaryZh: '暂停服务',
    fields: { ProjectName: PROJECT_NAME, ResourceIDs: RESOURCE_IDS_REQUIRED },
  },
  ResumeService: {
    name: 'ResumeService', group: 'service', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'write',
    summary: 'Resume a paused service', summaryZh: '重新启用服务',
    fields: { ProjectName: PROJECT_NAME, ResourceIDs: RESOURCE_IDS_REQUIRED },
  },
  ActivateService: {
    name: 'ActivateService', group: 'service', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'write',
    summary: 'Activate (open) the service', summaryZh: '开通服务',
    fields: { ProjectName: PROJECT_NAME, ResourceID: RESOURCE_ID, BlueprintID: BLUEPRINT_ID, Tags: TAGS },
    unsure: 'Whether activation starts pay-as-you-go billing is not documented.',
  },
  TerminateService: {
    name: 'TerminateService', group: 'service', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'disruptive',
    summary: 'Terminate (close) the service', summaryZh: '停用服务',
    fields: {
      ProjectName: { ...PROJECT_NAME, required: false, doc: 'Project the resource belongs to; optional in SDK and EXPL, but always send it.' },
      ResourceIDs: { ...RESOURCE_IDS, doc: 'Resource IDs to terminate; optional in SDK and EXPL (what none does is undocumented), so always send them.' },
    },
  },

  // ── Resource packs ─────────────────────────────────────────────────────────
  ResourcePacksStatus: {
    name: 'ResourcePacksStatus', group: 'resourcePack', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List resource packs with purchased and used amounts', summaryZh: '资源包状态信息',
    fields: {
      ProjectName: {
        ...PROJECT_NAME,
        doc: 'Project the resource belongs to. Without it the live service answers 500 InternalError "Missing blueprint constraint" (LIVE1).',
      },
      PageSize: { type: 'int32', required: true, min: 1, max: 100, doc: 'Page size, 1–100.', example: 100 },
      PageNumber: { type: 'int32', min: 1, doc: 'Page number, from 1.' },
      ResourceIDs: {
        type: 'string[]',
        required: true,
        requiredBy: 'EXPL',
        doc: 'Resource IDs whose packs to list (the OpenAPI cannot list an account\'s resources: name them). A pack InstanceNumber is not a ResourceID.',
        example: ['volc.service_type.10029'],
      },
      Types: {
        type: 'string[]',
        required: true,
        requiredBy: 'EXPL',
        enum: PACK_TYPES,
        enumSource: 'EXPL',
        default: PACK_TYPES,
        doc: 'Pack types: access, quota, prepaid. Without Types the live service answers an empty list (LIVE1), so all three are sent when none is given.',
        example: ['access', 'quota', 'prepaid'],
      },
      DisplayRule: { type: 'string', doc: 'Display rule (展示规则), e.g. by_expire.', unsure: 'Only the example by_expire is known (EXPL).', example: 'by_expire' },
      TagFilters: TAG_FILTERS,
    },
    paging: { style: 'page', pageField: 'PageNumber', sizeField: 'PageSize', itemsField: 'Packs', totalField: 'TotalCount', maxPageSize: 100 },
  },
  OrderResourcePacks: {
    name: 'OrderResourcePacks', group: 'resourcePack', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'spends',
    summary: 'Buy resource packs (costs money)', summaryZh: '购买资源包',
    fields: {
      ProjectName: PROJECT_NAME,
      ResourceID: RESOURCE_ID,
      BlueprintID: BLUEPRINT_ID,
      Configurations: {
        type: 'object[]',
        required: true,
        requiredBy: 'EXPL',
        doc: 'What to buy (购买配置).',
        fields: {
          Code: { type: 'string', doc: 'Pack code.' },
          CodeAttribute: { type: 'object', doc: 'Code attribute.', fields: { Name: { type: 'string', doc: 'Attribute name.' } } },
          Quantity: { type: 'int32', min: 1, doc: 'How many.' },
          Times: { type: 'int32', min: 1, doc: 'Duration (months).' },
          Type: { type: 'string', doc: 'Pack type.' },
          Tags: TAGS,
        },
      },
    },
  },
  FormalizeResourcePacks: {
    name: 'FormalizeResourcePacks', group: 'resourcePack', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'spends',
    summary: 'Convert a trial pack into a paid one (costs money)', summaryZh: '转正资源包',
    fields: {
      ProjectName: PROJECT_NAME,
      TrainID: { type: 'string', required: true, doc: 'TrainID of the pack (from ResourcePacksStatus).' },
      Times: { type: 'int32', required: true, min: 1, doc: 'Duration (months).' },
      Tags: { ...TAGS, required: true, requiredBy: 'EXPL' },
    },
  },
  AliasResourcePack: {
    name: 'AliasResourcePack', group: 'resourcePack', version: '2025-05-20', method: 'POST', paramsIn: 'body', effect: 'write',
    summary: 'Set the alias of a voice resource pack', summaryZh: '更新音色资源别名',
    fields: {
      ProjectName: PROJECT_NAME,
      TrainID: { type: 'string', required: true, doc: 'TrainID of the pack.' },
      InstanceNumber: { type: 'string', required: true, doc: 'InstanceNumber of the pack.' },
      Alias: { type: 'string', required: true, doc: 'New alias.' },
    },
  },

  // ── Tags ───────────────────────────────────────────────────────────────────
  ListTagsForResources: {
    name: 'ListTagsForResources', group: 'tag', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List the tags attached to resources', summaryZh: '查询资源所附加的全部标签',
    fields: {
      ResourceType: TAG_RESOURCE_TYPE,
      ResourceIds: { type: 'string[]', doc: 'Resource IDs (spelled Ids); give these or TagFilters (EXPL: 选一个填写).', example: ['VoiceClone12345678'] },
      TagFilters: { ...TAG_FILTERS, doc: 'Filter by tags; give these or ResourceIds (EXPL: 选一个填写).' },
      MaxResults: { type: 'int32', min: 1, max: 1000, doc: 'Page size, at most 1000.' },
      NextToken: { type: 'string', doc: 'Token from the previous page.' },
    },
    paging: { style: 'token', tokenField: 'NextToken', sizeField: 'MaxResults', itemsField: 'ResourceTags', maxPageSize: 1000 },
    atLeastOneOf: ['ResourceIds', 'TagFilters'],
  },
  TagResources: {
    name: 'TagResources', group: 'tag', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'write',
    summary: 'Attach tags to resources', summaryZh: '对资源进行标签附加',
    fields: {
      ResourceType: TAG_RESOURCE_TYPE,
      ResourceIds: TAG_RESOURCE_IDS,
      Tags: TAGS,
    },
  },
  UntagResources: {
    name: 'UntagResources', group: 'tag', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'write',
    summary: 'Remove tags from resources', summaryZh: '对资源进行标签移除',
    fields: {
      ResourceType: TAG_RESOURCE_TYPE,
      ResourceIds: TAG_RESOURCE_IDS,
      TagKeys: { type: 'string[]', required: true, requiredBy: 'EXPL', doc: 'Keys of the tags to remove.' },
    },
  },

  // ── Voice cloning ──────────────────────────────────────────────────────────
  ListMegaTTSTrainStatus: {
    name: 'ListMegaTTSTrainStatus', group: 'voiceClone', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'Get the training state of cloned voices', summaryZh: '查询 SpeakerID 状态信息',
    fields: { ProjectName: PROJECT_NAME, State: VOICE_STATE, ...VOICE_TIME_FILTERS },
    unsure: 'One public guide says this action was retired in favour of the Batch one; the 2025-05-21 SDK still has it.',
  },
  BatchListMegaTTSTrainStatus: {
    name: 'BatchListMegaTTSTrainStatus', group: 'voiceClone', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List cloned voices page by page', summaryZh: '分页查询 SpeakerID 状态',
    fields: {
      ProjectName: PROJECT_NAME,
      State: VOICE_STATE,
      ...VOICE_TIME_FILTERS,
      PageNumber: { type: 'int32', min: 1, max: 10000, doc: 'Page number, 1–10000.' },
      PageSize: { type: 'int32', min: 1, max: 1000, doc: 'Page size, 1–1000.' },
      NextToken: { type: 'string', doc: 'Opaque token; overrides the page fields.' },
      MaxResults: { type: 'int32', min: 1, max: 1000, doc: 'Page size with NextToken, at most 1000.' },
    },
    paging: { style: 'page', pageField: 'PageNumber', sizeField: 'PageSize', itemsField: 'Statuses', totalField: 'TotalCount', maxPageSize: 1000 },
  },
  OrderAccessResourcePacks: {
    name: 'OrderAccessResourcePacks', group: 'voiceClone', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'spends',
    summary: 'Order cloned-voice slots (costs money, paid at once)', summaryZh: '音色下单',
    fields: {
      ProjectName: PROJECT_NAME,
      ResourceID: { type: 'string', required: true, doc: 'Always volc.megatts.voiceclone.', example: 'volc.megatts.voiceclone' },
      Code: { type: 'string', required: true, doc: 'Always Model_storage.', example: 'Model_storage' },
      Times: { type: 'int32', required: true, min: 1, doc: 'Duration (months).' },
      Quantity: { type: 'int32', required: true, min: 1, max: 2000, doc: 'How many voices (at most 2,000 per 2 minutes).' },
      AutoUseCoupon: { type: 'boolean', doc: 'Use a coupon automatically.' },
      CouponID: { type: 'string', doc: 'Coupon to use.' },
      Tags: TAGS,
    },
  },
  RenewAccessResourcePacks: {
    name: 'RenewAccessResourcePacks', group: 'voiceClone', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'spends',
    summary: 'Renew cloned voices (costs money)', summaryZh: '音色续费',
    fields: {
      Times: { type: 'int32', required: true, min: 1, doc: 'Months to add.' },
      SpeakerIDs: { type: 'string[]', required: true, requiredBy: 'EXPL', doc: 'Speakers to renew (at most 2,000 per 2 minutes; list them with BatchListMegaTTSTrainStatus).' },
      AutoUseCoupon: { type: 'boolean', doc: 'Use a coupon automatically.' },
      CouponID: { type: 'string', doc: 'Coupon to use.' },
    },
  },
  ListMegaTTSByOrderID: {
    name: 'ListMegaTTSByOrderID', group: 'voiceClone', version: '2023-11-07', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'List the voices bought by an order', summaryZh: '通过订单ID查询购买的音色',
    fields: {
      AppID: { type: 'string', required: true, doc: 'App ID.', unsure: 'Required flag inferred from the 2023-11-07 contract.' },
      OrderID: { type: 'string', required: true, doc: 'Order ID from OrderAccessResourcePacks.', unsure: 'Required flag inferred.' },
      PageNumber: { type: 'int32', min: 1, doc: 'Page number, from 1.' },
      PageSize: { type: 'int32', min: 1, max: 100, doc: 'Page size.', unsure: 'Upper bound taken from the 2023-11-07 batch list (1–100).' },
      NextToken: { type: 'string', doc: 'Opaque token.' },
      MaxResults: { type: 'int32', min: 1, max: 100, doc: 'Page size with NextToken.' },
    },
    paging: { style: 'page', pageField: 'PageNumber', sizeField: 'PageSize', itemsField: 'Statuses', totalField: 'TotalCount', maxPageSize: 100 },
    unsure: 'Only version 2023-11-07 is known; no 2025 SDK model exists. Orders are delivered asynchronously: poll until IsAllProcessed.',
  },

  // ── Monitoring ─────────────────────────────────────────────────────────────
  QuotaMonitoring: {
    name: 'QuotaMonitoring', group: 'monitoring', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'Rate-limit use (QPS or concurrency) against its limit', summaryZh: 'Quota 查询接口',
    fields: {
      ProjectName: PROJECT_NAME,
      ResourceID: { ...RESOURCE_ID, required: true },
      Start: DAY('First'),
      End: DAY('Last'),
      Mode: { type: 'string', enum: QUOTA_MONITORING_MODES, enumSource: 'EXPL', doc: 'daily (the default) or hourly; the range spans at most 7 days either way.', example: 'daily' },
      QuotaType: {
        type: 'string',
        enum: QUOTA_TYPES,
        enumSource: 'EXPL',
        doc: 'qps, concurrency, qpm or tpm. Without it the live service reports concurrency; an unknown value gets zero rows (LIVE1).',
        example: 'qps',
      },
    },
  },
  UsageMonitoring: {
    name: 'UsageMonitoring', group: 'monitoring', version: '2025-05-21', method: 'POST', paramsIn: 'body', effect: 'read',
    summary: 'Usage per day or hour', summaryZh: '调用量查询接口',
    fields: {
      ProjectName: PROJECT_NAME,
      ResourceID: { ...RESOURCE_ID, required: true },
      Start: DAY('First'),
      End: DAY('Last'),
      Mode: {
        type: 'string',
        required: true,
        enum: USAGE_MONITORING_MODES,
        enumSource: 'EXPL, LIVE1',
        doc: 'daily: the only mode (hourly and a missing Mode are refused with InvalidParameter, LIVE1). The range spans at most 7 days.',
        example: 'daily',
      },
      UsageType: {
        type: 'string',
        doc: `Usage unit; seen: ${USAGE_TYPES_SEEN.join(', ')} (audio_duration in hours).`,
        unsure: 'Not a closed list: only these values have been seen (EXPL example, LIVE1).',
        example: 'text_words',
      },
      AppID: {
        type: 'string',
        doc: 'App ID.',
        unsure: 'Neither the SDK model nor EXPL lists it; one older caller got 403 UnauthorizedRequest.AppID without it. Sent only when given.',
      },
    },
  },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export const SERVICE_NAME = 'speech_saas_prod';

export const ACTION_GROUPS: Readonly<Record<ActionGroup, { label: string; labelZh: string }>> = {
  timbre: { label: 'Timbre', labelZh: '音色管理' },
  apiKey: { label: 'API Key', labelZh: 'API Key 管理' },
  service: { label: 'Service', labelZh: '服务管理' },
  resourcePack: { label: 'Resource Pack', labelZh: '资源包管理' },
  tag: { label: 'Tag', labelZh: '标签管理' },
  voiceClone: { label: 'Voice Clone', labelZh: '声音复刻管理' },
  monitoring: { label: 'Monitoring', labelZh: '监控' },
};

export function getAction(name: string): ActionSpec | undefined {
  return Object.hasOwn(ACTIONS, name) ? (ACTIONS as Record<string, ActionSpec>)[name] : undefined;
}

/** Actions that must never fire without an explicit user action, and are never retried blindly. */
export function needsExplicitConfirmation(spec: ActionSpec): boolean {
  return spec.effect === 'disruptive' || spec.effect === 'spends';
}

export function isReadOnly(spec: ActionSpec): boolean {
  return spec.effect === 'read';
}
