import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import { credentialTest, listSearch, loadOptions } from '../VolcSpeech/methods';
import { properties } from './description';
import { pollEvents } from './poll';

export class VolcSpeechTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Volcengine Speech Trigger',
    name: 'volcSpeechTrigger',
    icon: { light: 'file:volcSpeechTrigger.svg', dark: 'file:volcSpeechTrigger.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle:
      '={{ $parameter["event"] === "quotaThreshold" ? "Quota Threshold Crossed" : $parameter["event"] === "serviceStatusChanged" ? "Service Status Changed" : $parameter["event"] === "voiceExpiringSoon" ? "Voice Expiring Soon" : "Voice Training Finished" }}',
    description: 'Starts the workflow when a speech quota crosses a threshold, the service status changes, or a cloned voice finishes training or expires soon',
    defaults: { name: 'Volcengine Speech Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'volcSpeechApi', required: true, testedBy: 'volcSpeechApiTest' }],
    properties,
  };

  methods = { loadOptions, listSearch, credentialTest };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return await pollEvents.call(this);
  }
}
