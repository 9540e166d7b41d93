/**
 * The failing items of a stored check as a form's 不合格项目 field prints them. The full lawful finding
 * (standard, grade, item, converted value, limit) is `lawfulFinding` in the certificate domain.
 */
import type { ItemCheck } from '../../../../src-shared/domain/certificate/certificate-check.ts';
import { ITEM_INFO } from '../../../../src-shared/domain/certificate/items.ts';

/** Failing item names for forms with a 不合格项目 field, e.g. 灰分、全硫. */
export function failingItemNames(items: readonly ItemCheck[]): string {
  return [...new Set(items.filter((c) => c.ok === false).map((c) => ITEM_INFO[c.item].zh))].join('、');
}
