import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as listBigModelTTSTimbres from './listBigModelTTSTimbres.operation';
import * as listSpeakers from './listSpeakers.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  ListBigModelTTSTimbres: listBigModelTTSTimbres,
  ListSpeakers: listSpeakers,
};

export const description: INodeProperties[] = resourceDescription('timbre', operations);
