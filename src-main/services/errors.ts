import type { ApiIssue, ErrorCode } from '../../src-shared/contract/define.ts';

/** A refusal a user can act on. `key` is an i18n key; `params` fill its placeholders. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly issues?: Omit<ApiIssue, 'message'>[],
  ) {
    super(key);
  }
}
