import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as aliasResourcePack from './aliasResourcePack.operation';
import * as formalizeResourcePacks from './formalizeResourcePacks.operation';
import * as orderResourcePacks from './orderResourcePacks.operation';
import * as resourcePacksStatus from './resourcePacksStatus.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  AliasResourcePack: aliasResourcePack,
  FormalizeResourcePacks: formalizeResourcePacks,
  OrderResourcePacks: orderResourcePacks,
  ResourcePacksStatus: resourcePacksStatus,
};

export const description: INodeProperties[] = resourceDescription('resourcePack', operations);
