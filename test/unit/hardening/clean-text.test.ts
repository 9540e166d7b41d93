import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, freeText, requiredText, textProblem } from '../../../src-shared/contract/clean-text.ts';
import { translate } from '../../../src-shared/contract/i18n/index.ts';
import { createFixture, validRegistration, type Fixture } from '../../support/app-fixture.ts';

/** Issue 14 item 6: hostile strings and the problem each must be refused for. */
const HOSTILE: [string, string, string][] = [
  ['NUL', '\u0000', 'control'],
  ['NUL inside a name', '张\u0000三', 'control'],
  ['ANSI escape', '\u001b[31m张三\u001b[0m', 'control'],
  ['DEL', '张三\u007f', 'control'],
  ['C1 control (CSI)', '张三\u009b', 'control'],
  ['line feed in a one-line field', '张\n三', 'control'],
  ['right-to-left override', '张三\u202Egnp.exe', 'bidi'],
  ['left-to-right embedding', '\u202A张三', 'bidi'],
  ['first-strong isolate', '张三\u2068', 'bidi'],
  ['pop directional isolate', '张三\u2069', 'bidi'],
  ['lone high surrogate', 'a\uD800', 'surrogate'],
  ['lone low surrogate', '\uDC00张', 'surrogate'],
  ['zero-width space only', '\u200B', 'invisible'],
  ['zero-width joiners only', '\u200D\u200C\u2060', 'invisible'],
  ['ideographic space and ZWSP', '\u3000\u200B\u3000', 'invisible'],
  ['Hangul filler', '\u3164', 'invisible'],
  ['combining marks alone', '\u0301\u0302', 'invisible'],
];

const CLEAN: [string, string][] = [
  ['a Chinese name', '张三'],
  ['a name with a middle dot', '阿依古丽·买买提'],
  ['an emoji (a valid surrogate pair)', '运输😀'],
  ['a name with an accent', 'José'],
  ['a ZWJ inside visible text', '👨\u200D👩'],
];

describe('textProblem: what a free-text field refuses (issue 14 item 6)', () => {
  it.each(HOSTILE)('%s is refused as %s', (_name, value, problem) => {
    expect(textProblem(value)).toBe(problem);
  });
  it.each(CLEAN)('%s is accepted', (_name, value) => {
    expect(textProblem(value)).toBeNull();
  });
  it('allows line feeds and tabs only in multi-line fields, never NUL or ESC there either', () => {
    expect(textProblem('第一行\n第二行\t完', true)).toBeNull();
    expect(textProblem('第一行\u0000', true)).toBe('control');
    expect(textProblem('\u001b[2J', true)).toBe('control');
  });
});

describe('cleanText schema', () => {
  it('normalises to NFC: the two spellings of é become one', () => {
    const decomposed = 'Jose\u0301';
    const parsed = freeText(40).parse(decomposed);
    expect(parsed).toBe('Jos\u00e9');
    expect(parsed.length).toBe(4);
  });
  it('trims, then refuses empty text in a required field with the field key', () => {
    expect(cleanText(40, { required: 'validation.requiredFields.driverName' }).safeParse('  ').error?.issues[0]?.message)
      .toBe('validation.requiredFields.driverName');
  });
  it.each(HOSTILE)('refuses %s with its own message key', (_name, value, problem) => {
    const result = requiredText(40).safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(`validation.text.${problem}`);
  });
  it.each(['control', 'bidi', 'surrogate', 'invisible'])('has a Chinese and an English message for %s', (problem) => {
    const zh = translate('zh-CN', `validation.text.${problem}`);
    const en = translate('en', `validation.text.${problem}`);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toBe(zh);
    expect(en).not.toContain('validation.');
  });
});

describe('every free-text field of a registration refuses hostile text and stores nothing', () => {
  // One checkpoint for the whole table: each refusal must leave it unchanged, which the counts check.
  let f: Fixture;
  let kiosk: string;
  beforeAll(async () => {
    f = await createFixture();
    kiosk = await f.tokenFor('kiosk');
  });
  const fields = ['driverName', 'origin', 'destination', 'carrier', 'consignee', 'manualReason'] as const;
  it.each(fields.flatMap((field) => HOSTILE.map(([name, value, problem]) => [field, name, value, problem] as const)))(
    '%s: %s', async (field, _name, value, problem) => {
      const before = f.count('registrations');
      const result = await f.raw('registrations.create', { ...validRegistration(3), [field]: value }, kiosk);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid-input');
      const issue = result.error.issues?.find((i) => i.path === field);
      expect(issue?.key).toBe(`validation.text.${problem}`);
      expect(issue?.message).toBe(translate('zh-CN', `validation.text.${problem}`));
      expect(f.count('registrations')).toBe(before);
    },
  );

  it('a manual weight\'s reason "\\u0000" does not satisfy the required reason', async () => {
    const before = f.count('registrations');
    const result = await f.raw('registrations.create', { ...validRegistration(4), manualReason: '\u0000' }, kiosk);
    expect(f.count('registrations')).toBe(before);
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.issues?.[0]).toMatchObject({ path: 'manualReason', key: 'validation.text.control' });
  });

  it('an amendment reason of zero-width spaces is refused; the record keeps one revision', async () => {
    const saved = await f.call('registrations.create', validRegistration(5), kiosk);
    const result = await f.raw('registrations.amend', { id: saved.id, reason: '\u200B\u200B', changes: validRegistration(5) }, kiosk);
    expect(result.ok ? null : result.error.issues?.[0]?.key).toBe('validation.text.invisible');
    expect((await f.call('registrations.get', { id: saved.id }, kiosk)).length).toBe(1);
  });

  it('stores a decomposed name in NFC, as read back', async () => {
    const saved = await f.call('registrations.create', { ...validRegistration(6), driverName: 'Jose\u0301 张' }, kiosk);
    const [stored] = await f.call('registrations.get', { id: saved.id }, kiosk);
    expect(stored!.driverName).toBe('Jos\u00e9 张');
  });

  it('a case party name with a bidi override is refused through cases.open and no case is stored', async () => {
    const officer = await f.tokenFor('officer');
    const result = await f.raw('cases.open', { draft: { parties: [{ kind: 'person', role: 'driver', name: '张三\u202E' }] } }, officer);
    expect(result.ok ? null : result.error.issues?.[0]).toMatchObject({ path: 'draft.parties.0.name', key: 'validation.text.bidi' });
    expect(f.count('enforcement_cases')).toBe(0);
  });
});
