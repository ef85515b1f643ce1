/** Every action of the table → its handler. Typed over ActionName, so a missing action fails to compile. */
import * as apiKeys from './apiKeys.js';
import type { HandlerTable } from './context.js';
import * as monitoring from './monitoring.js';
import * as resourcePacks from './resourcePacks.js';
import * as services from './services.js';
import * as tags from './tags.js';
import * as timbres from './timbres.js';
import * as voiceClone from './voiceClone.js';

export const HANDLERS: HandlerTable = {
  ListBigModelTTSTimbres: timbres.listBigModelTTSTimbres,
  ListSpeakers: timbres.listSpeakers,
  ListAPIKeys: apiKeys.listAPIKeys,
  CreateAPIKey: apiKeys.createAPIKey,
  DeleteAPIKey: apiKeys.deleteAPIKey,
  UpdateAPIKey: apiKeys.updateAPIKey,
  ServiceStatus: services.serviceStatus,
  PauseService: services.pauseService,
  ResumeService: services.resumeService,
  ActivateService: services.activateService,
  TerminateService: services.terminateService,
  ResourcePacksStatus: resourcePacks.resourcePacksStatus,
  OrderResourcePacks: resourcePacks.orderResourcePacks,
  FormalizeResourcePacks: resourcePacks.formalizeResourcePacks,
  AliasResourcePack: resourcePacks.aliasResourcePack,
  ListTagsForResources: tags.listTagsForResources,
  TagResources: tags.tagResources,
  UntagResources: tags.untagResources,
  ListMegaTTSTrainStatus: voiceClone.listMegaTTSTrainStatus,
  BatchListMegaTTSTrainStatus: voiceClone.batchListMegaTTSTrainStatus,
  OrderAccessResourcePacks: voiceClone.orderAccessResourcePacks,
  RenewAccessResourcePacks: voiceClone.renewAccessResourcePacks,
  ListMegaTTSByOrderID: voiceClone.listMegaTTSByOrderID,
  QuotaMonitoring: monitoring.quotaMonitoring,
  UsageMonitoring: monitoring.usageMonitoring,
};
