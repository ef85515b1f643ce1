// The CLI's building blocks, for tests and for tools that want the same parsing and output.
export { coerceParams, coerceValue } from './coerceParams.js';
export { USAGE, exampleCommand, formatActionHelp, formatActionList } from './formatActions.js';
export { CLI_VERSION, confirmationMessage, runCli, type CliIo, type OutputStream } from './main.js';
export { parseArgs, resolveActionName, type Command, type GlobalOptions, type ParsedArgs } from './parseArgs.js';
export { collectStatus, formatAmount, formatPercent, formatStatus, localDay, statusHasErrors, type StatusSnapshot } from './statusDashboard.js';
export { resolveCliTarget, type Target, type TargetOptions } from './target.js';
export { formatTable, displayWidth } from './textTable.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './usageError.js';
