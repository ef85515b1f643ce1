import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as batchListMegaTTSTrainStatus from './batchListMegaTTSTrainStatus.operation';
import * as listMegaTTSByOrderID from './listMegaTTSByOrderID.operation';
import * as listMegaTTSTrainStatus from './listMegaTTSTrainStatus.operation';
import * as orderAccessResourcePacks from './orderAccessResourcePacks.operation';
import * as renewAccessResourcePacks from './renewAccessResourcePacks.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  BatchListMegaTTSTrainStatus: batchListMegaTTSTrainStatus,
  ListMegaTTSByOrderID: listMegaTTSByOrderID,
  ListMegaTTSTrainStatus: listMegaTTSTrainStatus,
  OrderAccessResourcePacks: orderAccessResourcePacks,
  RenewAccessResourcePacks: renewAccessResourcePacks,
};

export const description: INodeProperties[] = resourceDescription('voiceClone', operations);
