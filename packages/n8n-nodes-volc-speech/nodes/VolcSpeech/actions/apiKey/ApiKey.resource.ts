import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as createAPIKey from './createAPIKey.operation';
import * as deleteAPIKey from './deleteAPIKey.operation';
import * as listAPIKeys from './listAPIKeys.operation';
import * as updateAPIKey from './updateAPIKey.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  CreateAPIKey: createAPIKey,
  DeleteAPIKey: deleteAPIKey,
  ListAPIKeys: listAPIKeys,
  UpdateAPIKey: updateAPIKey,
};

export const description: INodeProperties[] = resourceDescription('apiKey', operations);
