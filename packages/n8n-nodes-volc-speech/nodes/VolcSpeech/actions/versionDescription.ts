/**
 * The node's parameters: Resource → Operation → the operation's fields. The node's header
 * (name, icon, credentials, usableAsTool) stays a literal in VolcSpeech.node.ts, where n8n's
 * linter can check it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { byName, resourceOption } from '../helpers/resource';
import type { ResourceName } from '../helpers/operation';
import { resources } from './resources';

const resourceOptions = (Object.keys(resources) as ResourceName[]).map(resourceOption).sort(byName);

export const properties: INodeProperties[] = [
  {
    displayName: 'Resource',
    name: 'resource',
    type: 'options',
    noDataExpression: true,
    options: resourceOptions,
    default: 'timbre',
  },
  ...Object.values(resources).flatMap((resource) => resource.description),
];
