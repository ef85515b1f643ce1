import type { INodeProperties } from 'n8n-workflow';

import { resourceDescription } from '../../helpers/resource';

import * as activateService from './activateService.operation';
import * as pauseService from './pauseService.operation';
import * as resumeService from './resumeService.operation';
import * as serviceStatus from './serviceStatus.operation';
import * as terminateService from './terminateService.operation';

/** Operations of this resource, keyed by action name (the operation's value). */
export const operations = {
  ActivateService: activateService,
  PauseService: pauseService,
  ResumeService: resumeService,
  ServiceStatus: serviceStatus,
  TerminateService: terminateService,
};

export const description: INodeProperties[] = resourceDescription('service', operations);
