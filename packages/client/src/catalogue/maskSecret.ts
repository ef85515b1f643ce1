/**
 * Masks a secret for display (ListAPIKeys returns each key's usable secret in `APIKey`, VEADK):
 * a few characters at each end so a person can tell keys apart, never enough to use one.
 * At most a quarter of the value shows (4 + 4 of a 36-character key), nothing of a short one.
 */
const MASK = '…';
const HIDDEN = '****';

export function maskSecret(value: string): string {
  const chars = [...value];
  const each = Math.min(4, Math.floor(chars.length / 8));
  if (each === 0) return HIDDEN;
  return `${chars.slice(0, each).join('')}${MASK}${chars.slice(-each).join('')}`;
}
