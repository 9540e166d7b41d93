/**
 * The registration being typed, kept in the tab's sessionStorage on every change so that a refresh (or a
 * crash of the page) gives it back; cleared once the truck is saved. sessionStorage dies with the tab.
 */
import type { RegistrationFormValues } from './RegistrationFields.tsx';
import type { ReportFormValues } from './report-form.ts';

const DRAFT_KEY = 'checkpoint.kiosk-draft';

export interface KioskDraft {
  registration: Partial<RegistrationFormValues>;
  report: ReportFormValues;
}

export function saveDraft(draft: KioskDraft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the draft is simply not kept.
  }
}

export function loadDraft(): KioskDraft | null {
  try {
    const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as KioskDraft | null;
    return draft && typeof draft.registration === 'object' && typeof draft.report === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing kept, nothing to clear.
  }
}
