/**
 * The node's parameters: Resource → Operation → the operation's fields. The node's header
 * (name, icon, credentials, usableAsTool) stays a literal in VolcSpeech.node.ts, where n8n's
 * linter can check it.
 */
import type { INodeProperties } from 'n8n-workflow';

import { ACTION_GROUPS } from '@volc-speech/client';

import { subtitleOf } from '../helpers/operation';
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

/**
 * The canvas subtitle in display names ("Pause: Service"): a chain of comparisons, since the
 * operation values are the action names and n8n evaluates the subtitle as an expression.
 */
export const subtitle = `={{ ${(Object.entries(resources) as Array<[ResourceName, (typeof resources)[ResourceName]]>)
  .flatMap(([resource, group]) =>
    Object.values(group.operations).map(
      (operation) => `$parameter["operation"] === ${JSON.stringify(operation.option.value)} ? ${JSON.stringify(subtitleOf(operation.option.name, ACTION_GROUPS[resource].label))} : `,
    ),
  )
  .join('')}$parameter["operation"] }}`;
