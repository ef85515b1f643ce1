/** Sent as User-Agent so that service-side logs can tell this toolkit's traffic apart. */
export const CLIENT_VERSION = '0.1.0';
export const USER_AGENT = `volc-speech-toolkit/${CLIENT_VERSION}`;
