import zhCN from './zh-CN.ts';
import en from './en.ts';

export type Lang = 'zh-CN' | 'en';
export const catalogs = { 'zh-CN': zhCN, en } as const;

/** Looks up a dotted key and fills {{name}} placeholders; an unknown key comes back as itself. */
export function translate(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = catalogs[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : key;
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
