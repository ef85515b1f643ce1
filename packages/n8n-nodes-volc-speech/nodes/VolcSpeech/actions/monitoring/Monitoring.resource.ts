import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as quotaMonitoring from './quotaMonitoring.operation';
import * as usageMonitoring from './usageMonitoring.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  QuotaMonitoring: quotaMonitoring,
  UsageMonitoring: usageMonitoring,
};

export const description: INodeProperties[] = resourceDescription('monitoring', operations);
