import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from './fixtures.ts';
import { cliBundle } from '../../support/bundles.ts';

function cli(args: string[], stdin: string) {
  const r = spawnSync(process.execPath, [cliBundle, 'certificate', 'check', ...args], { input: stdin, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('checkpoint certificate check', () => {
  it('prints the verdict as JSON and exits 0', () => {
    const r = cli(['--json'], JSON.stringify(report()));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ outcome: 'release', verdict: 'pass', versions: { policy: 'chengde-2020.2' } });
  });
  it('exits 0 on a failing report too, and uses --policy', () => {
    const failing = report({ results: [{ item: 'A', basis: 'd', value: 35, unit: '%' }, { item: 'St', basis: 'd', value: 0.3, unit: '%' }] });
    const r = cli(['--json', '--policy', 'fuping-2020'], JSON.stringify({ ...failing, destinationInHebei: false }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'release', verdict: 'fail', versions: { policy: 'fuping-2020.1' } });
  });
  it('accepts a truck without a report', () => {
    const r = cli(['--json'], JSON.stringify({ reportNumber: null, arrivedAt: '2026-11-28T09:15:00+08:00', coalForm: 'loose', use: 'civil', destinationInHebei: true }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: 'seize' });
  });
  it('reads the lab list from --labs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-'));
    writeFileSync(join(dir, 'labs.json'), JSON.stringify([{ name: '别的实验室' }]));
    const r = cli(['--json', '--labs', join(dir, 'labs.json')], JSON.stringify(report()));
    expect(JSON.parse(r.stdout).signals.map((s: { code: string }) => s.code)).toEqual(['lab-not-recognised']);
  });
  it('prints a readable summary without --json', () => {
    const r = cli([], JSON.stringify(report()));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('结论 Outcome: 放行 release');
    expect(r.stdout).toContain('限值待核对');
  });
  it.each([
    ['not JSON', '{oops', 'stdin is not JSON'],
    ['a bad field', JSON.stringify({ ...report(), coalForm: 'gravel' }), 'coalForm'],
    ['a bad unit', JSON.stringify({ ...report(), results: [{ item: 'Qnet', basis: 'ar', value: 26, unit: 'BTU' }] }), 'results.0.unit'],
    ['an unknown field', JSON.stringify({ ...report(), reportNumbr: 'x' }), 'reportNumbr'],
  ])('exits 2 on %s, naming the problem', (_name, stdin, part) => {
    const r = cli(['--json'], stdin);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(part);
    expect(r.stdout).toBe('');
  });
  it('exits 2 on a limits file that does not validate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cert-'));
    writeFileSync(join(dir, 'limits.json'), JSON.stringify({ version: 'x', rows: [{ standard: 'GB 34169' }] }));
    const r = cli(['--limits', join(dir, 'limits.json')], JSON.stringify(report()));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rows.0');
  });

  describe('issue 10 regressions through the CLI', () => {
    const dry = (adPct: number, stdPct: number) => [
      { item: 'M', basis: 'ad', value: 1.2, unit: '%' }, { item: 'Mt', basis: 'ar', value: 6, unit: '%' },
      { item: 'A', basis: 'd', value: adPct, unit: '%' }, { item: 'V', basis: 'daf', value: 9, unit: '%' },
      { item: 'St', basis: 'd', value: stdPct, unit: '%' }, { item: 'Qnet', basis: 'ar', value: 24, unit: 'MJ/kg' },
    ];
    it.each([
      ['civil briquette Ad 30 %, St,d 1.5 %', { coalForm: 'briquette', use: 'civil', results: dry(30, 1.5) }, '型煤1号'],
      ['industrial coal Ad 35 %, St,d 2.9 %', { coalForm: 'washed', coalRank: 'bituminous', use: 'industrial', results: dry(35, 2.9) }, '非发电用煤'],
    ])('%s with empty limits → incomplete, 人工核验, not release', (_name, truck, empty) => {
      const json = cli(['--json'], JSON.stringify({ ...report(), distanceKm: null, ...truck }));
      expect(json.code).toBe(0);
      const out = JSON.parse(json.stdout);
      expect(out).toMatchObject({ verdict: 'incomplete', outcome: 'review', standardNotLoaded: true });
      expect(out.notLoaded.find((n: { grade: string }) => n.grade === empty).core).toEqual(['A', 'St']);
      const text = cli([], JSON.stringify({ ...report(), distanceKm: null, ...truck })).stdout;
      expect(text).toContain('结论 Outcome: 人工核验 review');
      expect(text).toMatch(new RegExp(`· .*${empty}.*未核验（限值未载入） not verified: limit not loaded`));
    });
    it('Ad 13 % against the provisional 无烟1号 ≤ 12 → sample, not seize', () => {
      const results = report().results.map((r) => (r.item === 'A' ? { ...r, value: 13 * 0.988 } : r));
      const out = JSON.parse(cli(['--json'], JSON.stringify({ ...report(), results })).stdout);
      expect(out).toMatchObject({ verdict: 'fail', outcome: 'sample', onlyUnverifiedFailures: true });
    });
    it('industrial coal in transit out of Hebei under contract, no report → release with the route', () => {
      const truck = {
        reportNumber: null, arrivedAt: '2026-11-28T09:15:00+08:00', coalForm: 'washed', use: 'industrial', destinationInHebei: false,
        hasContract: true, destination: '辽宁省朝阳市', viaDesignatedRoute: true,
      };
      const out = JSON.parse(cli(['--json'], JSON.stringify(truck)).stdout);
      expect(out.outcome).toBe('release');
      expect(out.reasons[1].zh).toBe('运输路线：目的地 辽宁省朝阳市，经运煤专用通道');
      expect(JSON.parse(cli(['--json'], JSON.stringify({ ...truck, destinationInHebei: true })).stdout).outcome).toBe('seize');
    });
  });
});
