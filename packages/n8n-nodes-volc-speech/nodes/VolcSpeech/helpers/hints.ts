/**
 * What to do next, in the words of n8n: the credential's field names ("Secret Access Key",
 * "Endpoint"), "open the credential and click Test", the node's own field names. The client's
 * hints are written for the CLI (environment variables, `volc-speech help`): none of that
 * reaches an n8n user.
 */
import { toDisplayName } from './naming';

/** The parts of a client error a hint depends on. */
export interface HintSource {
  action: string;
  kind: string;
  code: string;
  httpStatus?: number;
  field?: string;
  hint: string;
}

const TEST_CREDENTIAL = 'open the credential and click Test';

/** `Configurations[0].Quantity` → `Configurations → Quantity`; `ResourceIDs` → `Resource IDs`. */
export function fieldLabel(path: string): string {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .map((part) => toDisplayName(part))
    .join(' → ');
}

function byCode(source: HintSource): string | undefined {
  switch (source.code) {
    case 'SignatureDoesNotMatch':
      return `Check the Secret Access Key in the credential (${TEST_CREDENTIAL}), and that the n8n server's clock is right.`;
    case 'InvalidAccessKey':
      return `The service does not know this Access Key ID: check the Access Key ID in the credential, then ${TEST_CREDENTIAL}.`;
    case 'InvalidSecretToken':
      return 'The Session Token in the credential is invalid or has expired: paste a fresh one, or leave it empty for a permanent access key.';
    case 'InvalidTimestamp':
      return "The n8n server's clock is too far from Volcengine's: sync the server's clock (NTP), then run again.";
    case 'MissingAuthenticationToken':
    case 'MissingSignature':
    case 'InvalidAuthorization':
    case 'InvalidCredential':
    case 'MissingRequestInfo':
      return `The request was not signed as the gateway expects: check the credential's Access Key ID, Secret Access Key and Region, then ${TEST_CREDENTIAL}.`;
    case 'ServiceNotFound':
    case 'InvalidActionOrVersion':
      return `The gateway does not know this speech action here: check the credential's Endpoint and Region, then ${TEST_CREDENTIAL}.`;
    case 'FlowLimitExceeded':
      return 'The service is throttling this action: run the workflow less often, or lower the number of items per run.';
    default:
      return undefined;
  }
}

/** True for a client hint that speaks to CLI users (environment variables, commands, options). */
function isCliHint(hint: string): boolean {
  return /VOLC_|volc-speech|rateLimit|timeoutMs|@volc-speech|--\w/.test(hint);
}

export function n8nHint(source: HintSource): string {
  const known = byCode(source);
  if (known) return known;
  if (source.kind === 'validation' || source.code.startsWith('InvalidParameter') || source.code.startsWith('MissingParameter')) {
    return source.field ? `Check the field "${fieldLabel(source.field)}" of this node.` : "Check this node's fields.";
  }
  if (source.httpStatus === 429) return 'The service is throttling this action: run the workflow less often, or try again later.';
  switch (source.kind) {
    case 'network':
      return `n8n could not reach the Endpoint set in the credential: check its URL, the network and any proxy, then ${TEST_CREDENTIAL}.`;
    case 'timeout':
      return 'The service did not answer in time: run the node again later.';
    case 'credentials':
      return `Fill in the credential's Access Key ID and Secret Access Key, then ${TEST_CREDENTIAL}.`;
    case 'protocol':
      return "The credential's Endpoint did not answer like Volcengine's OpenAPI gateway: check the URL (the default is https://open.volcengineapi.com).";
    default:
      return source.hint && !isCliHint(source.hint) ? source.hint : 'Read the service message above.';
  }
}
