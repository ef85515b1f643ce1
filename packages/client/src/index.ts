export * from './actions/actionTable.js';
export * from './actions/fieldSpec.js';
export type * from './actions/requestTypes.js';
export type * from './types/results.js';
export * from './unknowns.js';
