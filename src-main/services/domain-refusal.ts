import { ServiceError } from './errors.ts';
import type { ErrorCode } from '../../src-shared/contract/define.ts';

/**
 * The enforcement domain explains its refusals in both languages itself ({zh, en}); they travel as the
 * params of one i18n key whose zh-CN text is {{zh}} and English text {{en}}.
 */
export function refusal(problems: readonly { zh: string; en: string }[], code: ErrorCode = 'conflict'): ServiceError {
  return new ServiceError(code, 'cases.errors.domain', {
    zh: problems.map((p) => p.zh).join('；'),
    en: problems.map((p) => p.en).join('; '),
  });
}
