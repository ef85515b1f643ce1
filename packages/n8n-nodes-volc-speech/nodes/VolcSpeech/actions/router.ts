/**
 * Runs the selected operation once per input item. Every output item is paired with the
 * input item it came from; a failed item becomes an error item with "Continue On Fail",
 * and a NodeApiError (service code, message, RequestId) otherwise.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItemJson, toNodeError } from '../helpers/errors';
import { ALLOW_AI_AGENT, TEST_RUN_MARKER } from '../helpers/notices';
import type { ResourceName } from '../helpers/operation';
import type { OperationModule } from '../helpers/resource';
import { resources } from './resources';

export function findOperation(resource: string, operation: string): OperationModule | undefined {
  const group = Object.hasOwn(resources, resource) ? resources[resource as ResourceName] : undefined;
  return group && Object.hasOwn(group.operations, operation) ? group.operations[operation] : undefined;
}

/** The AI-agent tool variant of a node has a type ending in `Tool` (what n8n's `@tool` display option checks). */
export function isToolVariant(context: IExecuteFunctions): boolean {
  return context.getNode().type.endsWith('Tool');
}

/**
 * Why a guarded operation (it stops service, breaks apps or spends money) must not run for this
 * item: it comes from a test run of the trigger, or an AI agent calls it without the node's
 * explicit permission. Nothing is sent in either case.
 */
function guardRefusal(context: IExecuteFunctions, operation: OperationModule, json: IDataObject, itemIndex: number): NodeOperationError | undefined {
  const name = operation.operation.option.name;
  if (json[TEST_RUN_MARKER] === true) {
    return new NodeOperationError(context.getNode(), `${name} did not run: this item comes from a test run of the Volcengine Speech Trigger`, {
      itemIndex,
      description:
        'Test runs ("Fetch Test Event", "Execute workflow" in the editor) never stop service or spend money. Once the workflow is published, real events from the trigger run this step.',
    });
  }
  if (isToolVariant(context) && context.getNodeParameter(ALLOW_AI_AGENT, itemIndex, false) !== true) {
    return new NodeOperationError(context.getNode(), `${name} is not allowed for AI agents on this node`, {
      itemIndex,
      description:
        'An AI agent asked to run it, and nothing was sent. To allow it, switch on "Allow AI Agent to Run This" on the tool, and use n8n\'s human review for tools so a person approves each call.',
    });
  }
  return undefined;
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
    const refusal = operation.operation.guarded ? guardRefusal(this, operation, items[itemIndex]?.json ?? {}, itemIndex) : undefined;
    if (refusal) {
      // Not a service error: a guard that says why nothing was sent. Continue On Fail still applies.
      if (this.continueOnFail()) {
        output.push({ json: { error: refusal.message, description: refusal.description ?? '', refused: true }, pairedItem: { item: itemIndex } });
        continue;
      }
      throw refusal;
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
