/** Choices shared by the dropdowns (methods/) and the trigger. */
import { KNOWN_SERVICES, knownService } from '@volc-speech/client';
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

/** Enough for a dropdown; a larger account should type the ID or use an expression. */
export const DROPDOWN_LIMIT = 2000;

/** `Voice clone slots (by duration)` → `Voice Clone Slots (By Duration)`, as n8n's option names are. */
function titleCase(text: string): string {
  return text.replace(/(^|[\s(])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/**
 * The products a user can choose to watch (the client's KNOWN_SERVICES catalogue). The OpenAPI
 * cannot list an account's ResourceIDs, so the list is the catalogue, and a custom entry
 * (typed ID or expression) covers the rest.
 */
export function serviceOptions(): INodePropertyOptions[] {
  return KNOWN_SERVICES.map((service) => ({
    name: `${titleCase(service.nameEn)} · ${service.nameZh}`,
    value: service.resourceId,
    description: `Resource ID ${service.resourceId}`,
  })).sort((a, b) => a.name.localeCompare(b.name));
}

/** `Doubao TTS (big model) (volc.service_type.10029)`, or the bare ID for a custom entry. */
export function describeServices(resourceIds: readonly string[]): string {
  return resourceIds.map((id) => (knownService(id) ? `${knownService(id)!.nameEn} (${id})` : id)).join(', ');
}

/** The Project Name the user set on this operation, else the default project. */
export function projectNameOf(context: ILoadOptionsFunctions): string {
  try {
    const value = context.getCurrentNodeParameter('projectName');
    return typeof value === 'string' && value.trim() ? value.trim() : 'default';
  } catch {
    // The operation has no Project Name field: the default project is the only sensible one.
    return 'default';
  }
}
