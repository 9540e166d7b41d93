import { useEffect, useRef, useState } from 'react';
import { Button, Input, Popover, Tooltip, type InputProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLATE_ENDINGS, PLATE_PROVINCES, TRAILER_ENDING } from '../../src-shared/domain/plate.ts';

const PROVINCE_SET = new Set<string>(PLATE_PROVINCES);
const ENDING_SET = new Set<string>(PLATE_ENDINGS);
/** Endings other than the trailer's, offered on the tractor plate (a trailer plate only ever ends in 挂). */
const TRACTOR_ENDINGS = PLATE_ENDINGS.filter((e) => e !== TRAILER_ENDING);
const COLUMNS = 8;
/** The checkpoints are in Hebei: the picker opens on 冀 when the plate has no province yet. */
const DEFAULT_PROVINCE = '冀';

/**
 * A button opening a grid of characters: arrow keys move through it (eight a row), Enter or Space picks,
 * Escape closes. Opened from the keyboard or by a click, the grid takes the focus on `current`; after a pick
 * the focus goes to `focusAfterPick`, or back to the button.
 */
function CharPicker(props: { chars: readonly string[]; current: string; title: string; label: string; onPick(c: string): void; focusAfterPick?(): void }) {
  const [open, setOpen] = useState(false);
  const gridRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const pick = (c: string) => {
    props.onPick(c);
    setOpen(false);
    setTimeout(() => (props.focusAfterPick ? props.focusAfterPick() : triggerRef.current?.focus()));
  };
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => gridRef.current?.querySelector<HTMLButtonElement>(`[data-char="${props.current}"]`)?.focus());
    return () => clearTimeout(timer);
  }, [open, props.current]);
  const onGridKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const buttons = [...e.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
  };
  const columns = Math.min(COLUMNS, props.chars.length);
  const grid = (
    <div ref={gridRef} style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, 40px)`, gap: 4 }} onKeyDown={onGridKey}>
      {props.chars.map((c) => (
        <Button key={c} size="small" data-char={c} onClick={() => pick(c)}>{c}</Button>
      ))}
    </div>
  );
  return (
    <Popover content={grid} title={props.title} trigger="click" open={open} onOpenChange={setOpen}>
      <Button ref={triggerRef} size="small" type="text" aria-label={props.title}>{props.label} ▾</Button>
    </Popover>
  );
}

/**
 * A plate field with pickers for its Chinese characters, so nobody needs a Chinese IME at the kiosk: the
 * province character in front, the special last character (挂 on a trailer; 港/澳/学/警 on a tractor) behind,
 * and letters and digits typed in between.
 */
export function PlateInput(props: Omit<InputProps, 'onChange' | 'value'> & { value?: string; onChange?(v: string): void; trailer?: boolean }) {
  const { t } = useTranslation();
  const { value = '', onChange, trailer, ...rest } = props;
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  const hasProvince = PROVINCE_SET.has(first);
  const hasEnding = ENDING_SET.has(last);
  // After the province the letters and digits follow: back to the field, where the keyboard flow left off.
  const focusField = () => rest.id && document.getElementById(rest.id)?.focus();
  const chooseProvince = (p: string) => onChange?.(hasProvince ? p + value.slice(1) : p + value);
  // A second ending replaces the first: a plate has one last character.
  const chooseEnding = (e: string) => onChange?.((hasEnding ? value.slice(0, -1) : value) + e);
  // The ending comes last, so the focus stays on its button and Tab goes on to the next field.
  const ending = trailer ? (
    // One choice only: a plain button, reached by Tab after the field and pressed with Enter or Space.
    <Tooltip title={t('provincePicker.trailer')}>
      <Button size="small" type="text" aria-label={t('provincePicker.trailer')} data-testid="trailer-ending"
        onClick={() => chooseEnding(TRAILER_ENDING)}>+{TRAILER_ENDING}</Button>
    </Tooltip>
  ) : (
    <CharPicker chars={TRACTOR_ENDINGS} current={hasEnding ? last : TRACTOR_ENDINGS[0]!} title={t('provincePicker.ending')}
      label={hasEnding ? last : '…'} onPick={chooseEnding} />
  );
  return (
    <Input
      {...rest}
      value={value}
      onChange={(e) => onChange?.(e.target.value.toUpperCase())}
      addonBefore={
        <CharPicker chars={PLATE_PROVINCES} current={hasProvince ? first : DEFAULT_PROVINCE} title={t('provincePicker.title')}
          label={hasProvince ? first : t('provincePicker.none')} onPick={chooseProvince} focusAfterPick={focusField} />
      }
      addonAfter={ending}
    />
  );
}
