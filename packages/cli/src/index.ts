// The CLI's building blocks, for tests and for tools that want the same parsing and output.
export { coerceParams, coerceValue } from './coerceParams.js';
export { COMMANDS, COMMAND_NAMES, FLAGS, OUTPUT_FORMATS, type FlagSpec, type OutputFormat } from './commandLine.js';
export { registerCommand, type RegisteredCommand } from './commandRegistry.js';
export { completionScript } from './completion.js';
export { USAGE, exampleCommand, formatActionHelp, formatActionList, formatCommandHelp, usageText } from './formatActions.js';
export { CLI_VERSION, confirmationMessage, runCli, type CliIo, type OutputStream } from './main.js';
export { ItemPrinter, renderValue } from './output/formats.js';
export { maskSecretFields } from './output/secrets.js';
export { parseArgs, resolveActionName, type Command, type GlobalOptions, type ParsedArgs } from './parseArgs.js';
export { describeServices, defaultWatchedServices, type WatchedService } from './status/watchedServices.js';
export { collectStatus, formatAmount, formatPercent, formatStatus, localDay, statusData, statusHasErrors, type StatusSnapshot } from './statusDashboard.js';
export { resolveCliTarget, type Target, type TargetOptions } from './target.js';
export { formatTable, displayWidth } from './textTable.js';
export { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_PIPE_CLOSED, EXIT_USAGE, UsageError } from './usageError.js';
export { cliDocsMarkdown } from './docsPage.js';
