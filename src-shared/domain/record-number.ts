/**
 * Record numbers from a pattern such as `CD-{date}-{seq:4}`. The sequence counts per period: the pattern
 * with everything but {seq} filled in names the counter, so `{date}` restarts daily and `{year}` yearly.
 */
export interface NumberingContext {
  station: string;
  /** YYYYMMDD, local. */
  date: string;
}

function fill(pattern: string, ctx: NumberingContext): string {
  return pattern
    .replaceAll('{station}', ctx.station)
    .replaceAll('{date}', ctx.date)
    .replaceAll('{year}', ctx.date.slice(0, 4));
}

export function counterName(pattern: string, ctx: NumberingContext): string {
  return fill(pattern, ctx).replace(/\{seq:\d\}/g, '{seq}');
}

export function formatRecordNumber(pattern: string, ctx: NumberingContext, seq: number): string {
  return fill(pattern, ctx).replace(/\{seq:(\d)\}/g, (_, width: string) => String(seq).padStart(Number(width), '0'));
}
