/** The README's operations table, generated from the node (and so from the action table). */
import { ACTIONS, ACTION_GROUPS } from '@volc-speech/client';
import type { ActionName } from '@volc-speech/client';

import { resources } from '../../nodes/VolcSpeech/actions/resources';

const EFFECT: Record<string, string> = {
  read: 'read',
  write: 'write',
  disruptive: '**disruptive** ⚠',
  spends: '**costs money** ⚠',
};

export function operationsTable(): string {
  const rows = ['| Resource | Operation | API action (version) | Effect | Return All / Limit |', '|---|---|---|---|---|'];
  for (const [group, resource] of Object.entries(resources)) {
    const options = Object.values(resource.operations)
      .map((operation) => operation.option)
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const option of options) {
      const spec = ACTIONS[option.value as ActionName];
      const list = Object.values(resource.operations).find((operation) => operation.option.value === spec.name)!.description.some(
        (field) => field.name === 'returnAll',
      );
      rows.push(
        `| ${ACTION_GROUPS[group as keyof typeof ACTION_GROUPS].label} | ${option.name} | \`${spec.name}\` (${spec.version}) | ${EFFECT[spec.effect]} | ${list ? ('paging' in spec ? 'yes, paged' : 'yes') : ''} |`,
      );
    }
  }
  return rows.join('\n');
}
