/** The trigger's parameters: one event per node, and the settings of that event. */
import { DEFAULT_WATCHED_SERVICES, QUOTA_TYPES_SEEN } from '@volc-speech/client';

import { serviceOptions } from '../VolcSpeech/helpers/choices';
import type { INodeProperties } from 'n8n-workflow';

const LABELS: Record<string, string> = { qps: 'QPS', qpm: 'QPM', tpm: 'TPM', concurrency: 'Concurrency' };

export type TriggerEvent = 'quotaThreshold' | 'serviceStatusChanged' | 'voiceTrainingFinished' | 'voiceExpiringSoon';

const show = (event: TriggerEvent[], extra: Record<string, string[]> = {}): INodeProperties['displayOptions'] => ({
  show: { event, ...extra },
});

export const properties: INodeProperties[] = [
  {
    displayName:
      'Test runs ("Fetch Test Event", "Execute workflow") show what is due now, or one sample marked "sample", and never record it. Every test item is marked "fromTestRun": Pause, Terminate, orders, renewals and key deletions refuse it, so a test click cannot stop service or spend money.',
    name: 'testRunNotice',
    type: 'notice',
    default: '',
  },
  {
    displayName: 'Event',
    name: 'event',
    type: 'options',
    noDataExpression: true,
    options: [
      {
        name: 'Quota Threshold Crossed',
        value: 'quotaThreshold',
        description: 'Resource-pack spend or rate-limit use reaches a percentage',
      },
      {
        name: 'Service Status Changed',
        value: 'serviceStatusChanged',
        description: 'The status of a service (e.g. Running → Paused) changes',
      },
      {
        name: 'Voice Expiring Soon',
        value: 'voiceExpiringSoon',
        description: 'A cloned voice expires within a number of days',
      },
      {
        name: 'Voice Training Finished',
        value: 'voiceTrainingFinished',
        description: 'A cloned voice reaches the Success or Active state',
      },
    ],
    default: 'quotaThreshold',
  },
  {
    displayName: 'Project Name',
    name: 'projectName',
    type: 'string',
    default: 'default',
    description: 'Project the resources belong to',
  },

  // ── Quota ──────────────────────────────────────────────────────────────────
  {
    displayName: 'Quota',
    name: 'quotaSource',
    type: 'options',
    displayOptions: show(['quotaThreshold']),
    options: [
      {
        name: 'Rate-Limit Use',
        value: 'rateLimit',
        description: 'QPS or concurrency use today against its limit',
      },
      {
        name: 'Resource-Pack Spend',
        value: 'resourcePack',
        description: 'Amount used of the resource packs you bought',
      },
    ],
    default: 'resourcePack',
  },
  {
    displayName: 'Threshold (%)',
    name: 'thresholdPercent',
    type: 'number',
    displayOptions: show(['quotaThreshold']),
    typeOptions: { minValue: 0, maxValue: 100, numberPrecision: 1 },
    default: 95,
    description: 'Fire when the use reaches this percentage; fires once until the use drops below again',
  },
  {
    displayName: 'Services to Watch',
    name: 'resourceIds',
    type: 'multiOptions',
    displayOptions: show(['quotaThreshold'], { quotaSource: ['resourcePack'] }),
    options: serviceOptions(),
    default: [...DEFAULT_WATCHED_SERVICES],
    description: 'Products whose resource packs to watch. Volcengine cannot list the services of an account, so pick the ones you use.',
  },
  {
    displayName: 'Other Services (Resource IDs)',
    name: 'otherResourceIds',
    type: 'string',
    displayOptions: show(['quotaThreshold'], { quotaSource: ['resourcePack'] }),
    default: '',
    placeholder: 'e.g. volc.service_type.10048',
    description: 'Comma-separated resource IDs of services not in the list above',
  },
  {
    displayName: 'Measure Per',
    name: 'groupBy',
    type: 'options',
    displayOptions: show(['quotaThreshold'], { quotaSource: ['resourcePack'] }),
    options: [
      { name: 'Resource', value: 'resource', description: 'All packs of a resource (and unit) together' },
      { name: 'Pack', value: 'pack', description: 'Every pack on its own' },
    ],
    default: 'resource',
  },
  {
    displayName: 'Resource',
    name: 'resourceId',
    type: 'resourceLocator',
    displayOptions: { show: { event: ['quotaThreshold'], quotaSource: ['rateLimit'] } },
    default: { mode: 'list', value: DEFAULT_WATCHED_SERVICES[0] ?? '' },
    description: 'Service to watch: pick a known one, or type its resource ID',
    required: true,
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchResourceIds', searchable: true } },
      { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. volc.service_type.10029' },
    ],
  },
  {
    displayName: 'Quota Type',
    name: 'quotaType',
    type: 'options',
    displayOptions: show(['quotaThreshold'], { quotaSource: ['rateLimit'] }),
    options: QUOTA_TYPES_SEEN.map((value) => ({ name: LABELS[value] ?? value, value })).sort((a, b) => a.name.localeCompare(b.name)),
    default: 'qps',
  },

  // ── Service status ─────────────────────────────────────────────────────────
  {
    displayName: 'Resource',
    name: 'statusResourceId',
    type: 'resourceLocator',
    displayOptions: show(['serviceStatusChanged']),
    default: { mode: 'list', value: DEFAULT_WATCHED_SERVICES[0] ?? '' },
    description: 'Service to watch: pick a known one, or type its resource ID',
    required: true,
    modes: [
      { displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchResourceIds', searchable: true } },
      { displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. volc.service_type.10029' },
    ],
  },
  {
    displayName: 'Blueprint ID',
    name: 'blueprintId',
    type: 'number',
    displayOptions: show(['serviceStatusChanged']),
    typeOptions: { minValue: 0, numberPrecision: 0 },
    default: 0,
    description: 'Product blueprint of the service, needed to read its status; 0 uses the one known for the service (10029 for Doubao TTS, 10065 for File ASR 2.0)',
  },

  // ── Cloned voices ──────────────────────────────────────────────────────────
  {
    displayName: 'Within (Days)',
    name: 'withinDays',
    type: 'number',
    displayOptions: show(['voiceExpiringSoon']),
    typeOptions: { minValue: 1, numberPrecision: 0 },
    default: 7,
    description: 'Fire for voices that expire within this many days; once per voice and expiry date',
  },
  {
    displayName: 'Speaker Names or IDs',
    name: 'speakerIds',
    type: 'multiOptions',
    displayOptions: show(['voiceTrainingFinished', 'voiceExpiringSoon']),
    typeOptions: { loadOptionsMethod: 'getClonedVoices' },
    default: [],
    description:
      'Voices to watch; none means all. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
  },
];
