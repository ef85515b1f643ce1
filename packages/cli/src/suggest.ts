/** "Did you mean": the names closest to what a person typed, for commands, flags and field names. */
import { editDistance } from '@volc-speech/client';

/** Up to `limit` candidates within a few typos of `input` (case ignored), closest first. */
export function closestNames(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const wanted = input.toLowerCase().replace(/^-+/, '');
  if (!wanted) return [];
  const tolerance = Math.max(2, Math.floor(wanted.length / 3));
  const scored: Array<{ name: string; score: number }> = [];
  for (const name of new Set(candidates)) {
    const lower = name.toLowerCase().replace(/^-+/, '');
    const score = lower === wanted ? 0 : lower.startsWith(wanted) || (wanted.length >= 4 && lower.includes(wanted)) ? 1 : 1 + editDistance(lower, wanted);
    if (score <= 1 + tolerance) scored.push({ name, score });
  }
  return scored
    .sort((x, y) => x.score - y.score || x.name.localeCompare(y.name))
    .slice(0, limit)
    .map((s) => s.name);
}

/** `: did you mean a or b?` or an empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const close = closestNames(input, candidates);
  if (!close.length) return '';
  return `: did you mean ${close.length === 1 ? close[0] : `${close.slice(0, -1).join(', ')} or ${close.at(-1)}`}?`;
}
