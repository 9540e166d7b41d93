import { useEffect, useRef, useState } from 'react';
import { Button, Input, Popover, type InputProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLATE_PROVINCES } from '../../src-main/domain/plate.ts';

const PROVINCE_SET = new Set<string>(PLATE_PROVINCES);
const COLUMNS = 8;
/** The checkpoints are in Hebei: the picker opens on 冀 when the plate has no province yet. */
const DEFAULT_PROVINCE = '冀';

/**
 * A plate field with a picker for the province character, so nobody needs a Chinese IME at the kiosk:
 * the picker replaces the first character, the rest is typed as letters and digits.
 */
export function PlateInput(props: Omit<InputProps, 'onChange' | 'value'> & { value?: string; onChange?(v: string): void }) {
  const { t } = useTranslation();
  const { value = '', onChange, ...rest } = props;
  const [open, setOpen] = useState(false);
  const current = PROVINCE_SET.has(value.charAt(0)) ? value.charAt(0) : DEFAULT_PROVINCE;
  const choose = (p: string) => {
    onChange?.(PROVINCE_SET.has(value.charAt(0)) ? p + value.slice(1) : p + value);
    setOpen(false);
    // Back to the letters and digits, so the keyboard flow goes on where it left off.
    if (rest.id) setTimeout(() => document.getElementById(rest.id!)?.focus());
  };
  // Arrow keys move through the grid (eight a row); Enter or Space picks, Escape closes.
  const onGridKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const buttons = [...e.currentTarget.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
  };
  const gridRef = useRef<HTMLDivElement>(null);
  // Opened from the keyboard or by a click, the picker takes the focus on the current (or Hebei's) character.
  useEffect(() => {
    if (!open) return;
    const timer = setTimeout(() => gridRef.current?.querySelector<HTMLButtonElement>(`[data-province="${current}"]`)?.focus());
    return () => clearTimeout(timer);
  }, [open, current]);
  const grid = (
    <div ref={gridRef} style={{ display: 'grid', gridTemplateColumns: `repeat(${COLUMNS}, 40px)`, gap: 4 }} onKeyDown={onGridKey}>
      {PLATE_PROVINCES.map((p) => (
        <Button key={p} size="small" onClick={() => choose(p)} data-province={p}>{p}</Button>
      ))}
    </div>
  );
  return (
    <Input
      {...rest}
      value={value}
      onChange={(e) => onChange?.(e.target.value.toUpperCase())}
      addonBefore={
        <Popover content={grid} title={t('provincePicker.title')} trigger="click" open={open} onOpenChange={setOpen}>
          <Button size="small" type="text" aria-label={t('provincePicker.title')}>{PROVINCE_SET.has(value.charAt(0)) ? value.charAt(0) : t('provincePicker.none')} ▾</Button>
        </Popover>
      }
    />
  );
}
