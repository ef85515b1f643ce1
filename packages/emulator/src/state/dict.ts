/**
 * Maps keyed by names that come from requests or files (project names, resource IDs, tag keys,
 * speaker IDs…). They are objects without a prototype, so `__proto__`, `constructor` or
 * `toString` are ordinary keys: reading an absent one gives undefined, writing one creates an
 * own property, and nothing can reach Object.prototype. They stay plain JSON for persistence
 * and for `/__emulator/state`.
 *
 * Every map in the state is made by `dict()` (never `{}`), and a state loaded from a file has
 * its maps rebuilt the same way (stateFile.ts).
 */
export type Dict<T> = Record<string, T>;

export function dict<T>(entries?: Iterable<readonly [string, T]>): Dict<T> {
  const out = Object.create(null) as Dict<T>;
  if (entries) for (const [key, value] of entries) out[key] = value;
  return out;
}

/** `table[key]` for a fixed table written as an object literal: own keys only, never inherited ones. */
export function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
