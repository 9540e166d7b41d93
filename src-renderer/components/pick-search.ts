import { match } from 'pinyin-pro';

export interface Pickable {
  value: string;
  uses: number;
}

/** Pinyin is typed in Latin letters; such text is a search, never meant as the value itself. */
export const looksLikePinyin = (text: string) => /^[a-z]+$/i.test(text.trim());

/**
 * Entries matching what was typed: the characters themselves, full pinyin or pinyin initials (`sxdt` → 山西大同),
 * anywhere in the name. Matches from the start come first, then the most used. Empty text offers the most used.
 */
export function searchPicks<T extends Pickable>(entries: readonly T[], typed: string, limit = 8): T[] {
  const q = typed.trim();
  if (!q) return entries.slice(0, limit);
  const scored: { entry: T; start: number }[] = [];
  for (const entry of entries) {
    if (entry.value === q) continue;
    const at = entry.value.indexOf(q);
    const hit = at >= 0 ? [at] : looksLikePinyin(q) ? match(entry.value, q.toLowerCase()) : null;
    if (hit && hit.length > 0) scored.push({ entry, start: hit[0]! });
  }
  scored.sort((a, b) => Number(a.start > 0) - Number(b.start > 0) || b.entry.uses - a.entry.uses);
  return scored.slice(0, limit).map((s) => s.entry);
}
