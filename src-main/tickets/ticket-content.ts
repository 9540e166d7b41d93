/**
 * What a weighing ticket (过磅单/检查登记单) says, independent of the paper it is printed on: the rows, the
 * content hash (the same for the original and every 补打, so any copy can be checked against the record) and
 * the QR text. Pure: the print time and copy number come in with the facts.
 */
import { createHash } from 'node:crypto';
import { toLocalIso } from '../../src-shared/domain/local-time.ts';
import { formatPlate } from '../../src-shared/domain/plate.ts';
import type { Outcome, Verdict } from '../../src-shared/domain/certificate/vocabulary.ts';

export interface TicketFacts {
  stationName: string;
  recordNumber: string;
  revision: number;
  plate: string;
  trailerPlate: string | null;
  grossKg: number;
  tareKg: number;
  netKg: number;
  weightSource: 'scale' | 'manual';
  manualReason: string | null;
  /** UTC ISO instant of the registration. */
  registeredAt: string;
  /** null: no check stored for the record. */
  verdict: Verdict | null;
  outcome: Outcome | null;
  operatorName: string;
  training: boolean;
  /** 1 = the original; later numbers are 补打. */
  copyNumber: number;
  /** UTC ISO instant of this print. */
  printedAt: string;
}

export interface TicketContent {
  title: string;
  stationName: string;
  rows: [label: string, value: string][];
  /** 补打（第n次） on a reprint, null on the original. */
  reprintMark: string | null;
  /** 培训记录 on a training record, which is not an official weighing. */
  trainingMark: string | null;
  printedAtText: string;
  contentHash: string;
  qrText: string;
}

const VERDICT_ZH: Record<Verdict, string> = { pass: '合格', fail: '不合格', incomplete: '不完整', invalid: '无效' };
const OUTCOME_ZH: Record<Outcome, string> = { release: '放行', sample: '抽检', seize: '查扣', 'turn-back': '劝返', review: '人工核验' };

/** 2026-11-28 09:15:00, Beijing time whatever the machine's zone. */
export function beijingTimeText(isoInstant: string): string {
  return toLocalIso(new Date(isoInstant)).slice(0, 19).replace('T', ' ');
}

const kgText = (kg: number) => `${kg.toLocaleString('en-US')} kg`;

/** SHA-256 over what the record says (not over the copy number or print time), so every copy carries the same hash. */
export function ticketContentHash(f: TicketFacts): string {
  const fields = [
    f.recordNumber, f.revision, f.plate, f.trailerPlate, f.grossKg, f.tareKg, f.netKg, f.weightSource, f.manualReason,
    f.registeredAt, f.verdict, f.outcome, f.operatorName, f.training,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

export function ticketContent(f: TicketFacts): TicketContent {
  const contentHash = ticketContentHash(f);
  const plates = f.trailerPlate ? `${formatPlate(f.plate)} / ${formatPlate(f.trailerPlate)}` : formatPlate(f.plate);
  const manual = f.weightSource === 'manual' ? `（手工录入：${f.manualReason ?? ''}）` : '';
  const rows: [string, string][] = [
    ['登记编号', f.revision > 1 ? `${f.recordNumber}（第${f.revision}版）` : f.recordNumber],
    ['车牌号', plates],
    ['登记时间', `${beijingTimeText(f.registeredAt)}（北京时间）`],
    ['毛重', kgText(f.grossKg) + manual],
    ['皮重', kgText(f.tareKg)],
    ['净重', kgText(f.netKg)],
    ['核验结论', f.verdict ? VERDICT_ZH[f.verdict] : '尚无核验记录'],
    ['处理结果', f.outcome ? OUTCOME_ZH[f.outcome] : '—'],
    ['登记员', f.operatorName],
  ];
  return {
    title: '煤炭运输车辆检查登记单（过磅单）',
    stationName: f.stationName,
    rows,
    reprintMark: f.copyNumber > 1 ? `补打（第${f.copyNumber - 1}次）` : null,
    trainingMark: f.training ? '培训记录 · 非正式过磅' : null,
    printedAtText: beijingTimeText(f.printedAt),
    contentHash,
    qrText: `${f.recordNumber}|${f.revision}|sha256:${contentHash}`,
  };
}
