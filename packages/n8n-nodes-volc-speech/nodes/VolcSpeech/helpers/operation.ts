/**
 * One operation = one action of the table. `defineOperation` reads the action's spec and gives
 * the operation file its dropdown option, its fields (generated, see fields.ts) and a default
 * `run` that maps the item's parameters to the request and calls the transport.
 */
import { ACTION_GROUPS, ACTIONS } from '@volc-speech/client';
import type { ActionName, ActionSpec } from '@volc-speech/client';
import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { callAction, listAction } from '../transport';
import { buildRequest, generateFields } from './fields';
import type { FieldBinding, FieldOverrides } from './fields';
import { toDescription } from './naming';
import { ALLOW_AI_AGENT, isGuarded, noticeText } from './notices';

export type ResourceName = ActionSpec['group'];

export interface OperationConfig {
  action: ActionName;
  /** Title Case, shown in the Operation dropdown. */
  name: string;
  /** Sentence case, shown in the nodes panel and to AI agents ("Pause the service"). */
  actionLabel: string;
  /** Optional request fields shown at the top instead of under Additional Fields. */
  promote?: readonly string[];
  overrides?: FieldOverrides;
  /**
   * A list action: one output item per row of `itemsField`, with Return All / Limit (unless
   * `unlimited`: a short answer such as a monitoring range).
   */
  list?: { itemsField: string; unlimited?: boolean };
  /** Fields after the generated ones that shape the output (Simplify, Reveal API Keys). */
  outputFields?: INodeProperties[];
  /** Last touch on the output rows: simplify, mask, add percentages. */
  shapeRows?: (rows: IDataObject[], read: (name: string, fallback: unknown) => unknown, request: IDataObject) => IDataObject[];
  /** Last touch on the request, for what the schema cannot say (date formats, derived defaults). */
  mapRequest?: (request: IDataObject) => IDataObject;
}

export interface Operation {
  readonly action: ActionName;
  readonly spec: ActionSpec;
  readonly option: INodePropertyOptions;
  /** The operation's fields, shown only when its resource and operation are selected. */
  readonly description: INodeProperties[];
  readonly bindings: readonly FieldBinding[];
  readonly list?: { itemsField: string; unlimited?: boolean };
  /** Stops service, breaks apps or spends money: refused for trigger test items and unapproved AI agents. */
  readonly guarded: boolean;
  /** The canvas subtitle, e.g. `Pause: Service`. */
  readonly subtitle: string;
  /** The API request for one item. */
  request(context: IExecuteFunctions, itemIndex: number): IDataObject;
  /** The default behaviour: call the action (or page through it) and return the output rows. */
  run(context: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]>;
}

/** Paging fields are the node's business (Return All / Limit), not the user's. */
function pagingFields(spec: ActionSpec): string[] {
  if (!spec.paging) return [];
  const own = spec.paging.style === 'page' ? [spec.paging.pageField, spec.paging.sizeField] : [spec.paging.tokenField, spec.paging.sizeField];
  // Page-numbered actions also accept a token pair (NextToken/MaxResults) as an alternative.
  return [...own, 'NextToken', 'MaxResults'];
}

export const RETURN_ALL = 'returnAll';
export const LIMIT = 'limit';

function listFields(): INodeProperties[] {
  return [
    {
      displayName: 'Return All',
      name: RETURN_ALL,
      type: 'boolean',
      default: false,
      description: 'Whether to return all results or only up to a given limit',
    },
    {
      displayName: 'Limit',
      name: LIMIT,
      type: 'number',
      displayOptions: { show: { [RETURN_ALL]: [false] } },
      typeOptions: { minValue: 1 },
      default: 50,
      description: 'Max number of results to return',
    },
  ];
}

function guardFields(spec: ActionSpec): INodeProperties[] {
  if (!isGuarded(spec)) return [];
  const text = noticeText(spec.name as ActionName) ?? 'This operation changes production service. It is never retried automatically.';
  return [
    { displayName: text, name: 'notice', type: 'notice', default: '' },
    {
      displayName: 'Allow AI Agent to Run This',
      name: ALLOW_AI_AGENT,
      type: 'boolean',
      default: false,
      displayOptions: { show: { '@tool': [true] } },
      description:
        "Whether an AI agent may run this operation. Off: the tool refuses every call. Turn it on only together with n8n's human review for tools.",
    },
  ];
}

/** `Pause Service` in resource `Service` → `Pause: Service`; `List API Keys` in `API Key` → `List: API Key`. */
export function subtitleOf(operationName: string, resourceLabel: string): string {
  const noun = resourceLabel.replace(/s$/, '');
  const verb = operationName.replace(new RegExp(`\\s*\\b${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, 'i'), '').trim();
  return verb && verb !== operationName ? `${verb}: ${resourceLabel}` : `${operationName}: ${resourceLabel}`;
}

/** Limits each field to its own resource + operation, as n8n's `updateDisplayOptions` does. */
function showOnlyFor(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
  return properties.map((property) => {
    const show = { ...(property.displayOptions?.show ?? {}), resource: [resource], operation: [operation] };
    return { ...property, displayOptions: { ...property.displayOptions, show } };
  });
}

export function defineOperation(config: OperationConfig): Operation {
  const spec: ActionSpec = ACTIONS[config.action];
  const generated = generateFields(spec.fields, {
    omit: pagingFields(spec),
    ...(config.promote ? { promote: config.promote } : {}),
    ...(config.overrides ? { overrides: config.overrides } : {}),
  });
  const properties = [
    ...guardFields(spec),
    ...generated.properties,
    ...(config.list && !config.list.unlimited ? listFields() : []),
    ...(config.outputFields ?? []),
  ];
  const summary = spec.summary.replace(/\s*\(.*\)$/, '');
  const description = toDescription(summary);
  const option: INodePropertyOptions = {
    name: config.name,
    value: spec.name,
    // A description that only repeats the name says nothing (and n8n's linter objects).
    ...(description.toLowerCase() !== config.name.toLowerCase() ? { description } : {}),
    action: config.actionLabel,
  };

  const operation: Operation = {
    action: config.action,
    spec,
    option,
    description: showOnlyFor(spec.group, spec.name, properties),
    bindings: generated.bindings,
    guarded: isGuarded(spec),
    subtitle: subtitleOf(config.name, ACTION_GROUPS[spec.group].label),
    ...(config.list ? { list: config.list } : {}),
    request(context, itemIndex) {
      const request = buildRequest(generated.bindings, (name, fallback, options) => context.getNodeParameter(name, itemIndex, fallback, options));
      return config.mapRequest ? config.mapRequest(request) : request;
    },
    async run(context, itemIndex) {
      const request = operation.request(context, itemIndex);
      const signal = context.getExecutionCancelSignal?.();
      const shape = (rows: IDataObject[]) =>
        config.shapeRows ? config.shapeRows(rows, (name, fallback) => context.getNodeParameter(name, itemIndex, fallback), request) : rows;
      if (config.list) {
        const returnAll = config.list.unlimited || (context.getNodeParameter(RETURN_ALL, itemIndex, false) as boolean);
        const maxItems = returnAll ? undefined : (context.getNodeParameter(LIMIT, itemIndex, 50) as number);
        const rows = await listAction(context, config.action, request, config.list.itemsField, {
          ...(maxItems !== undefined ? { maxItems } : {}),
          ...(signal ? { signal } : {}),
        });
        return shape(rows);
      }
      const result = await callAction(context, config.action, request, signal ? { signal } : {});
      return [resultItem(spec, request, result)];
    },
  };
  return operation;
}

/**
 * A void action answers `{}`: say that it succeeded and what it acted on, so the next node
 * (or an AI agent) has something to read.
 */
export function resultItem(spec: ActionSpec, request: IDataObject, result: IDataObject): IDataObject {
  if (Object.keys(result).length > 0) return result;
  return { success: true, action: spec.name, request };
}
