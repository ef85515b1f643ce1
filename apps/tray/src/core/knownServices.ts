/**
 * The products a user can choose to watch, from @volc-speech/client (KNOWN_SERVICES with the
 * console's product names and source tags, DEFAULT_WATCHED_SERVICES). One import site, so the
 * tray follows the client's catalogue.
 */
export { DEFAULT_WATCHED_SERVICES, KNOWN_SERVICES, type KnownService } from '@volc-speech/client';
