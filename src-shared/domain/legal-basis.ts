/**
 * The legal basis of a case as data (data/legal-basis.json): what each article does. A coercive measure
 * may only be set by law or regulation (行政强制法 art.10), so a seizure decision must cite an article
 * that grants the power to seize, plus the procedure it follows (行政强制法 art.18 or art.24); an article
 * that only prohibits (大气污染防治法 art.36) states the fact found and never the power.
 */
import { z } from 'zod';
import legalBasisJson from '../../data/legal-basis.json' with { type: 'json' };
import type { Bilingual } from './seizure-term.ts';

export const LEGAL_EFFECTS = ['seize', 'confiscate', 'procedure', 'prohibition', 'disposal'] as const;
export type LegalEffect = (typeof LEGAL_EFFECTS)[number];

export const LegalBasisEntrySchema = z.object({
  id: z.string().regex(/^[a-z]+-\d+$/),
  law: z.string().min(2),
  edition: z.string().regex(/^\d{4}$/),
  article: z.string().regex(/^第[一二三四五六七八九十百零]+条/),
  effect: z.enum(LEGAL_EFFECTS),
  /** The department the power belongs to, for the power-granting articles. */
  holder: z.string().min(2).optional(),
  summary: z.string().min(4),
  source: z.string().min(2),
  verified: z.boolean(),
}).strict();
export type LegalBasisEntry = z.output<typeof LegalBasisEntrySchema>;

export const LegalBasisListSchema = z.object({
  description: z.string(),
  version: z.int().positive(),
  entries: z.array(LegalBasisEntrySchema).min(1),
}).strict().superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const e of list.entries) {
    if (seen.has(e.id)) ctx.addIssue({ code: 'custom', message: `重复的条文编号：${e.id}` });
    seen.add(e.id);
    const grants = e.effect === 'seize' || e.effect === 'confiscate';
    if (grants !== (e.holder !== undefined)) ctx.addIssue({ code: 'custom', message: `${e.id}：授权条文须写明权力主体（holder），其他条文不写` });
  }
});
export type LegalBasisList = z.output<typeof LegalBasisListSchema>;

/** Procedure a seizure decision must state: the general procedure (art.18) or the decision itself (art.24). */
export const SEIZURE_PROCEDURE_IDS: readonly string[] = ['xzqz-18', 'xzqz-24'];

const EFFECT_ZH: Record<LegalEffect, string> = {
  seize: '查封、扣押授权', confiscate: '没收（行政处罚）授权', procedure: '程序规定', prohibition: '禁止性规定', disposal: '处理规定',
};

export function legalEffectZh(effect: LegalEffect): string {
  return EFFECT_ZH[effect];
}

/**
 * Why the articles cited cannot support a seizure decision; empty when they can. Unknown ids are refused
 * (a stale id would print nothing and leave the decision without its basis).
 */
export function seizureBasisProblems(ids: readonly string[], list: LegalBasisList): Bilingual[] {
  const byId = new Map(list.entries.map((e) => [e.id, e]));
  const unknown = ids.filter((id) => !byId.has(id));
  const cited = ids.flatMap((id) => byId.get(id) ?? []);
  const out: Bilingual[] = [];
  if (unknown.length > 0) {
    out.push({ code: 'legal-basis-unknown', zh: `法律依据中有未收录的条文：${unknown.join('、')}`, en: `unknown legal basis ids: ${unknown.join(', ')}` });
  }
  if (!cited.some((e) => e.effect === 'seize')) {
    out.push({
      code: 'legal-basis-power',
      zh: '法律依据缺少授予查封、扣押权的条文（如《中华人民共和国产品质量法》第十八条第一款第（四）项），禁止性或程序规定不能作为实施依据',
      en: 'the legal basis must cite an article granting the power to seize (e.g. Product Quality Law art.18(1)(4)); prohibitions and procedure are not a power (Administrative Compulsion Law art.10)',
    });
  }
  if (!cited.some((e) => SEIZURE_PROCEDURE_IDS.includes(e.id))) {
    out.push({
      code: 'legal-basis-procedure',
      zh: '法律依据缺少实施程序条文（《中华人民共和国行政强制法》第十八条或第二十四条）',
      en: 'the legal basis must cite the procedure: Administrative Compulsion Law art.18 or art.24',
    });
  }
  return out;
}

/** The articles this installation offers, read once from data/legal-basis.json. */
export const LEGAL_BASIS_LIST: LegalBasisList = LegalBasisListSchema.parse(legalBasisJson);
