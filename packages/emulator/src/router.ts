/**
 * (Action, Version) → route, built from the action table (one source of truth for names,
 * versions, effects and field schemas) plus the older shapes in legacyRoutes.ts. An unknown
 * pair answers 404 InvalidActionOrVersion with the gateway's wording.
 */
import { ACTION_NAMES, ACTIONS, type ActionEffect, type ActionName, type FieldSchema } from '@volc-speech/client';
import { gatewayError } from './errors.js';
import type { HandlerContext } from './handlers/context.js';
import { HANDLERS } from './handlers/index.js';
import { LEGACY_ROUTES } from './legacyRoutes.js';
import type { Params } from './validate.js';

export interface Route {
  action: string;
  version: string;
  fields: FieldSchema;
  /** Anything but `read` changes the state: it is persisted after the call. */
  effect: ActionEffect;
  handler: (params: Params, ctx: HandlerContext) => object;
  format: 'envelope' | 'legacyMonitoring';
}

export class Router {
  readonly #routes = new Map<string, Route>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) this.#routes.set(key(route.action, route.version), route);
  }

  /** Throws InvalidActionOrVersion (404) for an unknown pair. */
  resolve(action: string, version: string): Route {
    const route = this.#routes.get(key(action, version));
    if (!route) throw gatewayError('InvalidActionOrVersion', `Could not find operation ${action} for version ${version}`);
    return route;
  }
}

function key(action: string, version: string): string {
  return `${action}\u0000${version}`;
}

function tableRoute<A extends ActionName>(name: A): Route {
  const spec = ACTIONS[name];
  return {
    action: name,
    version: spec.version,
    fields: spec.fields,
    effect: spec.effect,
    // The request was validated against exactly this schema, so it has the ActionRequest<A> shape.
    handler: HANDLERS[name] as unknown as Route['handler'],
    format: 'envelope',
  };
}

export function defaultRoutes(): Route[] {
  return [...ACTION_NAMES.map((name) => tableRoute(name)), ...LEGACY_ROUTES.map((route) => ({ ...route, effect: 'read' as const }))];
}
