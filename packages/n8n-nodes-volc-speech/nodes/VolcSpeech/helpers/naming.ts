/**
 * How an API field name (PascalCase, acronyms like `ID`/`IDs`) becomes an n8n parameter
 * name (camelCase) and a display name (Title Case). One function each, so the generated
 * fields and the request mapping agree by construction.
 */

function words(apiName: string): string[] {
  return apiName.match(/IDs|Ids|ID|TTS|API|[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [apiName];
}

/** `ProjectName` → `projectName`, `SpeakerIDs` → `speakerIds`, `ID` → `id`. */
export function toParamName(apiName: string): string {
  return words(apiName)
    .map((word, index) => {
      const normal = /^(IDs|Ids)$/.test(word) ? 'Ids' : /^[A-Z]{2,}$/.test(word) ? word[0] + word.slice(1).toLowerCase() : word;
      return index === 0 ? normal.toLowerCase() : normal[0]!.toUpperCase() + normal.slice(1);
    })
    .join('');
}

/** `ResourceIds` → `Resource IDs`, `OnlyAvailable` → `Only Available`. */
export function toDisplayName(apiName: string): string {
  return words(apiName)
    .map((word) => (/^(IDs|Ids)$/.test(word) ? 'IDs' : word))
    .join(' ');
}

/** `Tags` → `Tag`, `Configurations` → `Configuration`: the name of one entry of a list field. */
export function singular(displayName: string): string {
  return displayName.endsWith('s') && !displayName.endsWith('ss') ? displayName.slice(0, -1) : displayName;
}

/**
 * n8n's description convention (enforced by its linter on literal fields): one sentence has no
 * final period, several sentences end with one.
 */
export function toDescription(...parts: Array<string | undefined>): string {
  const text = parts
    .filter((part): part is string => !!part && part.trim().length > 0)
    .map((part) => part.trim())
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`))
    .join(' ')
    .replace(/\s+/g, ' ');
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  const sentences = capitalised.replace(/e\.g\./g, '').split('. ').length;
  return sentences > 1 ? capitalised : capitalised.replace(/\.$/, '');
}
