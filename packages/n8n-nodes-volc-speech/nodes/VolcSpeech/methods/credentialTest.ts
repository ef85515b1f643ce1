/**
 * The credential test. It cannot be a declarative request (every call is V4-signed), so the
 * node does it: one cheap signed read (ListAPIKeys of the default project), and on failure the
 * service's own code, message and RequestId.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { isServiceError, serviceErrorDescription, serviceErrorMessage } from '../helpers/errors';
import { createClient, endpointOf, endpointProblem, regionOf } from '../transport';
import type { VolcSpeechApiCredentials } from '../transport';

export async function volcSpeechApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
  const credentials = (credential.data ?? {}) as unknown as VolcSpeechApiCredentials;
  const problem = endpointProblem(credentials);
  if (problem) return { status: 'Error', message: problem };
  try {
    const client = createClient(credentials);
    await client.call('ListAPIKeys', { ProjectName: 'default' });
    return { status: 'OK', message: `Signed in to ${endpointOf(credentials)} (${regionOf(credentials)})` };
  } catch (error) {
    if (isServiceError(error)) {
      return { status: 'Error', message: `${serviceErrorMessage(error)} — ${serviceErrorDescription(error)}` };
    }
    return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
  }
}
