/** `volc-speech probe --help`: what it sends, and what it never does. */
export const PROBE_HELP = `volc-speech probe — find out how the live service answers, for the open questions

Usage: volc-speech probe [--project NAME] [--resource ID ...] [--blueprint N] [--out FILE]
                         [--region R] [--endpoint URL] [--timeout MS]

Run it with your own account (VOLC_ACCESSKEY, VOLC_SECRETKEY) to settle what the toolkit
could only guess (packages/client/src/unknowns.ts): status and state spellings, time
formats, and how the service refuses incomplete requests (shared/api §6).

What it sends (about 35 requests, one at a time, no retries):
  - complete read requests: ListAPIKeys, ServiceStatus, ResourcePacksStatus,
    QuotaMonitoring (daily, hourly), UsageMonitoring, BatchListMegaTTSTrainStatus (one per
    voice State), ListSpeakers (seed-tts-1.0, seed-tts-2.0), ListBigModelTTSTimbres;
  - deliberately incomplete read requests (the read rows of LIVE_FACTS): e.g.
    ResourcePacksStatus without Types or without ProjectName, QuotaMonitoring without
    QuotaType, UsageMonitoring without Mode, a voice State outside the six, "".

What it never does:
  - call any action that is not a read (no pause, resume, order, renewal, key change —
    it refuses them by the action table's effect before anything is signed);
  - keep your data: the report holds field names, JSON types, the values of enum-like
    fields (Status, State, Type, InstanceStatus, QuotaType, UsageType …) and the formats of
    time and day strings. Keys, secrets, IDs, names and amounts are left out, and error
    messages are kept with every identifier and number replaced.

Options:
  --project NAME    project to read (default: default)
  --resource ID     a ResourceID your account has; repeat for more (default: the default
                    watched services). The first one is used for ServiceStatus and monitoring.
  --blueprint N     BlueprintID of the first resource (default: the known pairing, e.g. 10029)
  --out FILE        where to write the JSON report (default: volc-speech-probe-<time>.json)
  --region R, --endpoint URL, --timeout MS   as for every command

Exit status: 0 when every request got an answer (whatever it said), 1 when the service
could not be reached, 2 for a usage error.`;
