/** The seven resources (the action table's groups) and their operations. */
import * as apiKey from './apiKey/ApiKey.resource';
import * as monitoring from './monitoring/Monitoring.resource';
import * as resourcePack from './resourcePack/ResourcePack.resource';
import * as service from './service/Service.resource';
import * as tag from './tag/Tag.resource';
import * as timbre from './timbre/Timbre.resource';
import * as voiceClone from './voiceClone/VoiceClone.resource';

import type { ResourceName } from '../helpers/operation';
import type { OperationModule } from '../helpers/resource';

export const resources: Readonly<Record<ResourceName, { operations: Readonly<Record<string, OperationModule>>; description: typeof timbre.description }>> = {
  timbre,
  apiKey,
  service,
  resourcePack,
  tag,
  voiceClone,
  monitoring,
};
