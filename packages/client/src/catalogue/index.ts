export * from './knownServices.js';
export * from './listAllVoices.js';
export * from './maskSecret.js';
