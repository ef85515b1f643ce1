import { ACTION_GROUPS } from '@volc-speech/client';
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Operation, ResourceName } from './operation';

/** What an `<operation>.operation.ts` module exports. */
export interface OperationModule {
  operation: Pick<Operation, 'guarded' | 'spec' | 'option'>;
  option: INodePropertyOptions;
  description: INodeProperties[];
  execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

export function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
  return a.name.localeCompare(b.name);
}

/** The Operation dropdown of one resource, followed by the fields of its operations. */
export function resourceDescription(resource: ResourceName, operations: Readonly<Record<string, OperationModule>>): INodeProperties[] {
  const options = Object.values(operations)
    .map((operation) => operation.option)
    .sort(byName);
  const selector: INodeProperties = {
    displayName: 'Operation',
    name: 'operation',
    type: 'options',
    noDataExpression: true,
    displayOptions: { show: { resource: [resource] } },
    options,
    default: '',
  };
  selector.default = options[0]!.value;
  return [selector, ...Object.values(operations).flatMap((operation) => operation.description)];
}

export function resourceOption(resource: ResourceName): INodePropertyOptions {
  return { name: ACTION_GROUPS[resource].label, value: resource };
}
