import { DEFAULT_REGION } from '@volc-speech/client';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Volcengine access key pair for the speech console OpenAPI. Requests are V4-signed by the
 * bundled client, so there is no declarative `authenticate`; the test is a signed read done by
 * the Volcengine Speech node (`testedBy: 'volcSpeechApiTest'`).
 */
export class VolcSpeechApi implements ICredentialType {
  name = 'volcSpeechApi';

  displayName = 'Volcengine Speech API';

  icon = { light: 'file:volcSpeech.svg', dark: 'file:volcSpeech.dark.svg' } as const;

  documentationUrl = 'https://www.volcengine.com/docs/6369/65269';

  properties: INodeProperties[] = [
    {
      displayName: 'Access Key ID',
      name: 'accessKeyId',
      type: 'string',
      default: '',
      required: true,
      placeholder: 'e.g. AKLTxxxxxxxx',
      description: 'Access key ID of a Volcengine IAM user or role allowed to call speech_saas_prod',
    },
    {
      displayName: 'Secret Access Key',
      name: 'secretAccessKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
    },
    {
      displayName: 'Session Token',
      name: 'sessionToken',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'Only for temporary (STS) credentials; leave empty for a permanent access key',
    },
    {
      displayName: 'Region',
      name: 'region',
      type: 'options',
      options: [
        { name: 'cn-beijing', value: 'cn-beijing' },
        { name: 'cn-north-1', value: 'cn-north-1' },
        { name: 'Custom', value: 'custom' },
      ],
      default: DEFAULT_REGION,
      description: "Region the requests are signed for: cn-beijing, as in Volcengine's own examples; cn-north-1 is accepted too",
    },
    {
      displayName: 'Custom Region',
      name: 'customRegion',
      type: 'string',
      default: '',
      placeholder: 'e.g. cn-shanghai',
      displayOptions: { show: { region: ['custom'] } },
    },
    {
      displayName: 'Endpoint',
      name: 'endpoint',
      type: 'string',
      default: 'https://open.volcengineapi.com',
      placeholder: 'e.g. https://open.volcengineapi.com',
      description: 'Volcengine OpenAPI gateway, starting with https://; for local tests, the http:// URL of the volc-speech emulator',
      hint: 'Must start with https:// (or http:// for a local emulator)',
    },
  ];
}
