// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

interface Entry { id: string; law: string; article: string; role: string; summary: string; source: string; verified: boolean }

const list = JSON.parse(readFileSync(new URL('../../../data/legal-basis.json', import.meta.url), 'utf8')) as { entries: Entry[] };

describe('data/legal-basis.json', () => {
  it('has unique ids and complete entries', () => {
    const ids = list.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of list.entries) {
      expect(e.law && e.article.startsWith('第') && e.summary && e.source).toBeTruthy();
      expect(['violation', 'measure', 'procedure', 'disposal']).toContain(e.role);
      expect(typeof e.verified).toBe('boolean');
    }
  });
  it('carries the articles the issue names', () => {
    const ids = new Set(list.entries.map((e) => e.id));
    for (const id of ['dqwr-36', 'dqwr-103', 'cpzl-18', 'xzqz-18', 'xzqz-24', 'xzqz-25']) expect(ids).toContain(id);
  });
});
