import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as listTagsForResources from './listTagsForResources.operation';
import * as tagResources from './tagResources.operation';
import * as untagResources from './untagResources.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  ListTagsForResources: listTagsForResources,
  TagResources: tagResources,
  UntagResources: untagResources,
};

export const description: INodeProperties[] = resourceDescription('tag', operations);
