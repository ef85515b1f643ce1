/**
 * Looking up an action by a name a person typed: exact first, then suggestions, so that
 * `volc-speech ListApiKeys` answers "did you mean ListAPIKeys?" instead of a bare "unknown".
 */
import { ACTION_NAMES, type ActionName } from './actions/actionTable.js';

/** `ListAPIKeys` → `listAPIKeys`: the client's method name for an action. */
export function methodNameOf<A extends string>(action: A): Uncapitalize<A> {
  return (action.charAt(0).toLowerCase() + action.slice(1)) as Uncapitalize<A>;
}

/** Levenshtein distance: how many single-character edits turn `a` into `b` (the CLI's "did you mean" uses it too). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Up to `limit` action names close to `input`: same letters in another case, a substring, or a few typos away. */
export function closestActionNames(input: string, limit = 3): ActionName[] {
  const wanted = input.toLowerCase();
  if (!wanted) return [];
  const scored = ACTION_NAMES.map((name) => {
    const lower = name.toLowerCase();
    let score: number;
    if (lower === wanted) score = 0;
    else if (lower.includes(wanted) || wanted.includes(lower)) score = 1;
    else score = 1 + editDistance(lower, wanted);
    return { name, score };
  });
  const tolerance = Math.max(3, Math.floor(wanted.length / 4));
  return scored
    .filter((s) => s.score <= 1 + tolerance)
    .sort((x, y) => x.score - y.score || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map((s) => s.name);
}
