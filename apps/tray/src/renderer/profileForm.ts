/**
 * The settings form's values as a ProfileInput, or the reason they cannot be one. Pure (no
 * DOM): the panel reads its fields into FormValues and shows the reason it gets back.
 */
import type { ProfileInput } from '../shared/bridge.js';
import { PROFILE_LIMITS, validateProfileInput } from '../shared/ipc.js';

/** What the form's fields hold, as the page reads them. */
export interface ProfileFormValues {
  name: string;
  accessKeyId: string;
  secret: string;
  region: string;
  endpoint: string;
  projectName: string;
  pollIntervalSec: string;
  warningPercent: string;
  criticalPercent: string;
  useEmulator: boolean;
}

/** `profileId` undefined: a new profile. The secret goes along only when typed (empty keeps the stored one). */
export function profileInputFromForm(values: ProfileFormValues, profileId: string | undefined): ProfileInput | string {
  const name = values.name.trim();
  const pollIntervalSec = Number(values.pollIntervalSec);
  const warningPercent = Number(values.warningPercent);
  const criticalPercent = Number(values.criticalPercent);
  const poll = PROFILE_LIMITS.pollIntervalSec;
  const pct = PROFILE_LIMITS.percent;
  if (!name) return '请填写名称 Name is required';
  if (!Number.isInteger(pollIntervalSec) || pollIntervalSec < poll.min || pollIntervalSec > poll.max)
    return `轮询间隔须为 ${poll.min}–${poll.max} 秒 Poll interval must be ${poll.min}–${poll.max} s`;
  if (![warningPercent, criticalPercent].every((v) => v >= pct.min && v <= pct.max))
    return `阈值须在 ${pct.min}–${pct.max} 之间 Thresholds must be ${pct.min}–${pct.max}`;
  if (warningPercent >= criticalPercent) return '预警阈值须低于严重阈值 Warning must be below critical';
  const input: ProfileInput = {
    name,
    accessKeyId: values.accessKeyId.trim(),
    region: values.region,
    endpoint: values.endpoint.trim(),
    projectName: values.projectName.trim(),
    useEmulator: values.useEmulator,
    pollIntervalSec,
    warningPercent,
    criticalPercent,
  };
  if (profileId !== undefined) input.id = profileId;
  if (values.secret) input.secretAccessKey = values.secret;
  // The same rules the core and Electron's main apply; says what is wrong before a round trip.
  const checked = validateProfileInput(input);
  return checked.ok ? checked.value : `无效 Invalid: ${checked.error}`;
}
