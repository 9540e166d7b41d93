import { useCallback, useEffect, useState } from 'react';
import { AutoComplete, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickEntry, PickKind } from '../../src-shared/contract/index.ts';
import { call } from '../api.ts';
import { looksLikePinyin, searchPicks } from './pick-search.ts';

/** The kind's offered entries, re-read whenever the field is entered (every save teaches the list). */
function usePickList(kind: PickKind): [PickEntry[], () => void] {
  const [entries, setEntries] = useState<PickEntry[]>([]);
  const reload = useCallback(() => {
    call('picklists.list', { kind }).then(setEntries, () => undefined);
  }, [kind]);
  useEffect(reload, [reload]);
  return [entries, reload];
}

/**
 * A place, party or lab picked from what the checkpoint has seen, found by characters, pinyin or pinyin
 * initials, so no Chinese input method is needed; text that matches nothing is kept as typed (the last resort).
 * Pinyin left in the field when it loses focus becomes the best match: `sxdt` is never stored as a place.
 */
export function PickInput(props: {
  kind: PickKind; value?: string; onChange?(value: string): void; id?: string; maxLength?: number; placeholder?: string; 'data-testid'?: string;
  /** Names offered besides the learned ones (e.g. the recognised labs), after them. */
  extra?: readonly string[];
  onSelect?(value: string): void;
}) {
  const { t } = useTranslation();
  const [learned, reload] = usePickList(props.kind);
  const known = new Set(learned.map((e) => e.value));
  const entries = [...learned, ...(props.extra ?? []).filter((v) => !known.has(v)).map((value) => ({ value, uses: 0 }))];
  const value = props.value ?? '';
  const matches = searchPicks(entries, value);
  const pick = (v: string) => {
    props.onChange?.(v);
    props.onSelect?.(v);
  };
  const takeBestMatch = () => {
    if (looksLikePinyin(value) && matches[0]) pick(matches[0].value);
  };
  // With the list open, the select widget takes Tab to pick and keeps the cursor; typed pinyin is picked here
  // instead, so one Tab both takes the best match and moves on, as Tab does everywhere else.
  const onKeyDownCapture = (e: React.KeyboardEvent) => {
    if (e.key !== 'Tab' || e.shiftKey || !looksLikePinyin(value) || !matches[0]) return;
    e.stopPropagation();
    pick(matches[0].value);
  };
  return (
    <span onKeyDownCapture={onKeyDownCapture} style={{ display: 'block' }}>
      <AutoComplete
        id={props.id}
        value={value}
        onChange={(v: string) => props.onChange?.(v)}
        onSelect={(v: string) => props.onSelect?.(v)}
        options={matches.map((e) => ({ value: e.value, label: e.value }))}
        onFocus={reload}
        onBlur={takeBestMatch}
        // Enter picks the highlighted entry; it must never also submit the registration.
        onKeyDown={(e) => { if (e.key === 'Enter') e.preventDefault(); }}
        defaultActiveFirstOption
        filterOption={false}
      >
        {/* Its own input element, so the test id (and a scanner's restore) reach the <input> as on every other field. */}
        <Input maxLength={props.maxLength} placeholder={props.placeholder ?? t('vehicles.pinyinHint')} data-testid={props['data-testid']} />
      </AutoComplete>
    </span>
  );
}
