/**
 * Which products the tray knows, how it names them, and in which order they matter.
 *
 * The catalogue is @volc-speech/client's KNOWN_SERVICES (console product names, BlueprintIDs
 * where a source pairs one). Its order is the product importance the popover sorts by: the
 * main TTS product first. A resource the catalogue does not know shows the service's own
 * display name, else its ID.
 */
import type { KnownServiceView, WatchedServiceSetting } from '../shared/bridge.js';
import type { Locale } from '../shared/i18n/index.js';
import { DEFAULT_WATCHED_SERVICES, KNOWN_SERVICES } from './knownServices.js';

const BY_ID = new Map(KNOWN_SERVICES.map((service, index) => [service.resourceId, { service, index }]));

/** The product's name in a language; unknown products keep the service's display name or their ID. */
export function resourceLabel(resourceId: string, display?: string, locale: Locale = 'en'): string {
  const known = BY_ID.get(resourceId)?.service;
  if (known) return locale === 'zh-CN' ? known.nameZh : known.nameEn;
  return display?.trim() || resourceId;
}

/** Lower is more important: the catalogue's order, unknown products after every known one. */
export function productImportance(resourceId: string): number {
  return BY_ID.get(resourceId)?.index ?? KNOWN_SERVICES.length;
}

export function knownBlueprintId(resourceId: string): number | undefined {
  return BY_ID.get(resourceId)?.service.blueprintId;
}

/** The picker's list, named in one language. */
export function knownServiceViews(locale: Locale): KnownServiceView[] {
  return KNOWN_SERVICES.map((s) => {
    const view: KnownServiceView = { resourceId: s.resourceId, name: locale === 'zh-CN' ? s.nameZh : s.nameEn };
    if (s.blueprintId !== undefined) view.blueprintId = s.blueprintId;
    return view;
  });
}

/** What a new profile watches (DEFAULT_WATCHED_SERVICES with their known BlueprintIDs). */
export function defaultWatchedServices(): WatchedServiceSetting[] {
  return DEFAULT_WATCHED_SERVICES.map((resourceId) => {
    const blueprintId = knownBlueprintId(resourceId);
    return blueprintId === undefined ? { resourceId } : { resourceId, blueprintId };
  });
}

/** A watched service ServiceStatus can be asked about (it needs a BlueprintID). */
export interface StatusService {
  resourceId: string;
  blueprintId: number;
}

/** The watched services whose status can be read and switched (those with a BlueprintID). */
export function statusServices(watched: readonly WatchedServiceSetting[]): StatusService[] {
  return watched.flatMap((w) => {
    const blueprintId = w.blueprintId ?? knownBlueprintId(w.resourceId);
    return blueprintId === undefined ? [] : [{ resourceId: w.resourceId, blueprintId }];
  });
}
