/**
 * Runs the selected operation once per input item. Every output item is paired with the
 * input item it came from; a failed item becomes an error item with "Continue On Fail",
 * and a NodeApiError (service code, message, RequestId) otherwise.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../helpers/errors';
import type { ResourceName } from '../helpers/operation';
import type { OperationModule } from '../helpers/resource';
import { resources } from './resources';

export function findOperation(resource: string, operation: string): OperationModule | undefined {
  const group = Object.hasOwn(resources, resource) ? resources[resource as ResourceName] : undefined;
  return group && Object.hasOwn(group.operations, operation) ? group.operations[operation] : undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const items = this.getInputData();
  const output: INodeExecutionData[] = [];

  for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
    const resource = this.getNodeParameter('resource', itemIndex) as string;
    const operationName = this.getNodeParameter('operation', itemIndex) as string;
    const operation = findOperation(resource, operationName);
    if (!operation) {
      throw new NodeOperationError(this.getNode(), `The operation "${operationName}" of resource "${resource}" is not supported`, { itemIndex });
    }
    try {
      const rows = await operation.execute.call(this, itemIndex);
      for (const json of rows) output.push({ json, pairedItem: { item: itemIndex } });
    } catch (error) {
      if (this.continueOnFail()) {
        output.push({ json: errorItemJson(error), pairedItem: { item: itemIndex } });
        continue;
      }
      throw toNodeError(this.getNode(), error, itemIndex);
    }
  }
  return [output];
}
