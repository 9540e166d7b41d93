/** Field schemas the feature contracts share, so a limit or its message is written once. */
import { z } from 'zod';
import { freeText, requiredText } from './clean-text.ts';

/** Free text: NFC, no control or bidi characters, something visible (clean-text.ts). */
export const text = (max: number) => freeText(max);
export const required = (max: number) => requiredText(max);
/** An instant as ISO text (a date-time with its offset); the service reads it in Beijing time. */
export const isoInstant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'validation.date' });
export const positiveKg = z.int({ message: 'validation.weightInteger' }).min(1, { message: 'validation.weightNegative' }).max(10_000_000, { message: 'validation.weightAbsurd' });
export const Id = z.int().positive();
