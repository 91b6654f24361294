/** Lower-case text without diacritics: "Société" and "societe" compare equal. */
export function toSearchText(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** A LIKE pattern matching `query` anywhere, with LIKE's wildcards taken literally (ESCAPE '\'). */
export function containsPattern(query: string): string {
  return `%${toSearchText(query).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
