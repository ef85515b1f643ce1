/**
 * What `help <Action>` shows as its example, beyond the required fields and their examples
 * from the action table: values from the emulator's demo account (reproducible: a fixed seed),
 * so every example runs as printed against the embedded emulator. A test runs them all.
 * Actions that stop service or spend money are shown with --dry-run (see exampleCommand).
 */
import type { ActionName } from '@volc-speech/client';

export interface ExampleExtras {
  /** Fields added after the required ones, as typed on the command line. */
  params?: ReadonlyArray<readonly [string, string]>;
  /** Why this read example is a dry run (it needs a value only a previous call can give). */
  dryRunBecause?: string;
}

const BIG_MODEL_TTS = 'volc.service_type.10029';
/** A cloned voice of the demo account (seed voice 1), with its storage pack instance. */
const DEMO_SPEAKER = 'S_nKuoqN3f';
const DEMO_SPEAKER_INSTANCE = 'Model_storage_AaOSagU4gP';
const DEMO_PACK = 'pack-38lmtw1vxj20';

export const EXAMPLE_EXTRAS: ReadonlyMap<ActionName, ExampleExtras> = new Map<ActionName, ExampleExtras>([
  ['DeleteAPIKey', { params: [['ID', '2']] }],
  ['UpdateAPIKey', { params: [['ID', '2'], ['Name', 'staging']] }],
  // Classic TTS is the demo account's paused service.
  ['ResumeService', { params: [['ResourceIDs', 'volc.tts.default']] }],
  ['PauseService', { params: [['ResourceIDs', BIG_MODEL_TTS]] }],
  ['TerminateService', { params: [['ResourceIDs', BIG_MODEL_TTS]] }],
  // File ASR 2.0 is not activated in the demo account; 10065 is its BlueprintID (KNOWN_SERVICES).
  ['ActivateService', { params: [['ResourceID', 'volc.seedasr.auc'], ['BlueprintID', '10065']] }],
  ['FormalizeResourcePacks', { params: [['TrainID', DEMO_SPEAKER], ['Times', '1'], ['Tags', '{"Key":"team","Value":"ops"}']] }],
  // Pack codes are the emulator's (the live codes are not documented); a dry run in help.
  ['OrderResourcePacks', { params: [['ResourceID', BIG_MODEL_TTS], ['BlueprintID', '10029'], ['Configurations', '{"Code":"tts_bigmodel_chars_1m","Quantity":1,"Times":12}']] }],
  ['AliasResourcePack', { params: [['TrainID', DEMO_SPEAKER], ['InstanceNumber', DEMO_SPEAKER_INSTANCE], ['Alias', 'support-voice']] }],
  // ResourceIds or TagFilters is required (EXPL: 选一个填写).
  ['ListTagsForResources', { params: [['ResourceIds', DEMO_PACK]] }],
  ['TagResources', { params: [['ResourceIds', DEMO_PACK], ['Tags', '{"Key":"team","Value":"ops"}']] }],
  ['UntagResources', { params: [['ResourceIds', DEMO_PACK], ['TagKeys', 'team']] }],
  ['OrderAccessResourcePacks', { params: [['Times', '1'], ['Quantity', '1']] }],
  ['RenewAccessResourcePacks', { params: [['Times', '1'], ['SpeakerIDs', DEMO_SPEAKER]] }],
  ['ListMegaTTSByOrderID', { params: [['AppID', '6172345089'], ['OrderID', 'Order_from_OrderAccessResourcePacks']], dryRunBecause: 'the OrderID comes from an order you placed' }],
]);
