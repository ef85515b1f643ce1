import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { properties, subtitle } from './actions/versionDescription';
import { router } from './actions/router';
import { credentialTest, listSearch, loadOptions } from './methods';

export class VolcSpeech implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Volcengine Speech',
    name: 'volcSpeech',
    icon: { light: 'file:volcSpeech.svg', dark: 'file:volcSpeech.dark.svg' },
    group: ['transform'],
    version: 1,
    subtitle,
    description: 'Manage Volcengine Doubao Speech: timbres, API keys, service, resource packs, tags, voice cloning and monitoring',
    defaults: { name: 'Volcengine Speech' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'volcSpeechApi', required: true, testedBy: 'volcSpeechApiTest' }],
    properties,
  };

  methods = { loadOptions, listSearch, credentialTest };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await router.call(this);
  }
}
