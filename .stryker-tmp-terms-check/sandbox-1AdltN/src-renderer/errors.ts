// @ts-nocheck
import type { FormInstance } from 'antd';
import { message } from 'antd';
import { ApiCallError } from './api.ts';

/** Puts each field issue under its form field and shows the rest as a message. */
export function showApiError(err: unknown, form?: FormInstance): void {
  if (!(err instanceof ApiCallError)) {
    void message.error(String(err));
    return;
  }
  const issues = err.error.issues ?? [];
  const fieldIssues = form ? issues.filter((i) => i.path !== '' && form.getFieldInstance(i.path.split('.')) !== undefined) : [];
  if (form && fieldIssues.length > 0) {
    form.setFields(fieldIssues.map((i) => ({ name: i.path.split('.'), errors: [i.message] })));
  }
  const rest = issues.filter((i) => !fieldIssues.includes(i));
  if (fieldIssues.length === 0 || rest.length > 0) {
    void message.error(rest.length > 0 ? rest.map((i) => `${i.path}: ${i.message}`).join('；') : err.error.message);
  }
}
