/**
 * Minimal n8n function contexts for unit tests. Parameters are resolved the way n8n resolves
 * them (NodeHelpers.getNodeParameters fills defaults and drops hidden ones), so an operation
 * sees what it would see in the editor.
 */
import { NodeHelpers } from 'n8n-workflow';
import type {
  IDataObject,
  IExecuteFunctions,
  ILoadOptionsFunctions,
  INode,
  INodeExecutionData,
  INodeParameters,
  INodeType,
  IPollFunctions,
} from 'n8n-workflow';

import type { VolcSpeechApiCredentials } from '../../nodes/VolcSpeech/transport';

export const TEST_CREDENTIALS: VolcSpeechApiCredentials = {
  accessKeyId: 'AKLTtestaccesskey0001',
  secretAccessKey: 'dGVzdHNlY3JldGtleQ==',
  region: 'cn-north-1',
  endpoint: 'http://volc.test',
};

function resolveParameters(nodeType: INodeType, parameters: INodeParameters): INodeParameters {
  const resolved = NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, { typeVersion: 1 }, nodeType.description);
  return resolved ?? {};
}

function readParameter(parameters: INodeParameters, name: string, fallback: unknown, options?: { extractValue?: boolean }): unknown {
  let value: unknown = parameters;
  for (const part of name.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`Could not get parameter "${name}"`);
  }
  if (options?.extractValue && value && typeof value === 'object' && '__rl' in value) return (value as unknown as { value: unknown }).value;
  return value;
}

function node(nodeType: INodeType, parameters: INodeParameters): INode {
  return {
    id: 'node-1',
    name: nodeType.description.defaults.name ?? nodeType.description.displayName,
    type: `n8n-nodes-volc-speech.${nodeType.description.name}`,
    typeVersion: 1,
    position: [0, 0],
    parameters,
  };
}

const helpers = {
  returnJsonArray(data: IDataObject | IDataObject[]): INodeExecutionData[] {
    return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
  },
};

export interface ExecuteOptions {
  /** Parameters of the node, or one set per input item. */
  parameters: INodeParameters | INodeParameters[];
  items?: INodeExecutionData[];
  continueOnFail?: boolean;
  credentials?: VolcSpeechApiCredentials;
}

export function executeContext(nodeType: INodeType, options: ExecuteOptions): IExecuteFunctions {
  const perItem = Array.isArray(options.parameters) ? options.parameters : [options.parameters];
  const items = options.items ?? perItem.map(() => ({ json: {} }));
  const resolved = perItem.map((parameters) => resolveParameters(nodeType, parameters));
  const context = {
    getInputData: () => items,
    getNode: () => node(nodeType, resolved[0] ?? {}),
    getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, parameterOptions?: { extractValue?: boolean }) =>
      readParameter(resolved[Math.min(itemIndex, resolved.length - 1)] ?? {}, name, fallback, parameterOptions),
    getCredentials: async () => options.credentials ?? TEST_CREDENTIALS,
    continueOnFail: () => options.continueOnFail ?? false,
    getExecutionCancelSignal: () => undefined,
    helpers,
  };
  return context as unknown as IExecuteFunctions;
}

export interface PollOptions {
  parameters: INodeParameters;
  mode?: 'trigger' | 'manual';
  staticData?: IDataObject;
  credentials?: VolcSpeechApiCredentials;
  timezone?: string;
}

export function pollContext(nodeType: INodeType, options: PollOptions): IPollFunctions & { staticData: IDataObject } {
  const resolved = resolveParameters(nodeType, options.parameters);
  const staticData = options.staticData ?? {};
  const context = {
    staticData,
    getNode: () => node(nodeType, resolved),
    getNodeParameter: (name: string, fallback?: unknown, parameterOptions?: { extractValue?: boolean }) =>
      readParameter(resolved, name, fallback, parameterOptions),
    getCredentials: async () => options.credentials ?? TEST_CREDENTIALS,
    getMode: () => options.mode ?? 'trigger',
    getActivationMode: () => 'activate',
    getTimezone: () => options.timezone ?? 'Asia/Shanghai',
    getWorkflowStaticData: () => staticData,
    getPollBudgetMs: () => 60_000,
    helpers,
  };
  return context as unknown as IPollFunctions & { staticData: IDataObject };
}

export function loadOptionsContext(nodeType: INodeType, currentParameters: INodeParameters = {}, credentials?: VolcSpeechApiCredentials): ILoadOptionsFunctions {
  const context = {
    getNode: () => node(nodeType, currentParameters),
    getCurrentNodeParameter: (name: string) => currentParameters[name],
    getCredentials: async () => credentials ?? TEST_CREDENTIALS,
  };
  return context as unknown as ILoadOptionsFunctions;
}
