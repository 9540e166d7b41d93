import { readFile } from 'node:fs/promises';
import { CliError, parseOptions, readAll, writeJsonLine, type Command } from '../command.ts';
import { dbOption, withApp } from '../client.ts';
import { recheckAll } from '../../services/certificates/certificate-recheck.ts';
import {
  checkCertificate,
  defaultPolicy,
  parseCertificateInput,
  parseLimitsTable,
  parsePolicy,
  parseWith,
  recognisedLabsSchema,
  shippedLimits,
  shippedPolicies,
  type CertificateResult,
  type Parsed,
} from '../../../src-shared/domain/certificate/index.ts';

const usage = `Usage: checkpoint certificate check [--policy ID|FILE] [--limits FILE] [--labs FILE] [--json] < report.json

Checks one coal inspection report (JSON on stdin, see docs/certificate-json.md) against the limits
the policy makes applicable, and prints the outcome and verdict.
  --policy   a shipped policy id (${shippedPolicies.map((p) => p.id).join(', ')}) or a policy JSON file; default ${defaultPolicy.id}
  --limits   a limits table JSON file; default the shipped table
  --labs     a JSON array of recognised labs [{"name", "cmaNumber"?, "validUntil"?}]
  --json     print the full result as JSON
Exit status: 0 when a verdict was produced (whatever it is), 2 on malformed input.`;

async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} file ${path}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${what} file ${path} is not JSON: ${(err as Error).message}`);
  }
}

function accept<T>(parsed: Parsed<T>, what: string): T {
  if (!parsed.ok) throw new CliError(`invalid ${what}:\n${parsed.message}`);
  return parsed.value;
}

async function loadPolicy(arg: string | undefined) {
  if (arg === undefined) return defaultPolicy;
  return shippedPolicies.find((p) => p.id === arg) ?? accept(parsePolicy(await readJsonFile(arg, 'policy')), `policy ${arg}`);
}

const OUTCOME_ZH = { release: '放行', sample: '抽样送检', seize: '查封扣押', 'turn-back': '劝返', review: '人工核验' } as const;
const VERDICT_ZH = { pass: '合格', fail: '不合格', incomplete: '不完整', invalid: '无效' } as const;

/** The readable two-language summary printed without --json. */
export function formatSummary(r: CertificateResult): string {
  const lines = [
    `结论 Outcome: ${OUTCOME_ZH[r.outcome]} ${r.outcome}`,
    `判定 Verdict: ${VERDICT_ZH[r.verdict]} ${r.verdict}${r.provisional ? '  [限值待核对 limits not verified]' : ''}`,
    `版本 Versions: policy ${r.versions.policy}, limits ${r.versions.limits}`,
  ];
  if (r.items.length > 0) lines.push('项目 Items:');
  for (const i of r.items) {
    const mark = i.ok === true ? '✓' : i.ok === false ? '✗' : '·';
    const label = i.basis ? `${i.item},${i.basis}` : i.item;
    lines.push(`  ${mark} ${i.standard}-${i.edition} ${i.grade} ${i.clause}  ${label} ${i.display ?? '—'} ${i.unit}  (${i.limit === null ? '未核验（限值未载入） not verified: limit not loaded' : i.limitDisplay})${i.verified ? '' : ' *'}`);
  }
  if (r.signals.length > 0) lines.push('信号 Signals:', ...r.signals.map((s) => `  ${s.code}: ${s.zh} / ${s.en}`));
  if (r.provisional) lines.push('* 限值待核对 not verified against the published standard');
  lines.push('原因 Reasons:', ...r.reasons.map((x) => `  ${x.zh} / ${x.en}`));
  return lines.join('\n') + '\n';
}

export const certificateCheck: Command = {
  words: ['certificate', 'check'],
  summary: 'Check a coal inspection report (JSON on stdin)',
  usage,
  async run(argv, io) {
    const { values } = parseOptions(argv, {
      policy: { type: 'string' },
      limits: { type: 'string' },
      labs: { type: 'string' },
      json: { type: 'boolean' },
    });
    const policy = await loadPolicy(values.policy);
    const limits = values.limits ? accept(parseLimitsTable(await readJsonFile(values.limits, 'limits')), `limits ${values.limits}`) : shippedLimits;
    const recognisedLabs = values.labs ? accept(parseWith(recognisedLabsSchema, await readJsonFile(values.labs, 'labs')), `labs ${values.labs}`) : undefined;
    let json: unknown;
    try {
      json = JSON.parse(await readAll(io.stdin));
    } catch (err) {
      throw new CliError(`stdin is not JSON: ${(err as Error).message}`);
    }
    const input = accept(parseCertificateInput(json), 'report');
    const result = checkCertificate(input, { limits, policy, recognisedLabs, now: new Date() });
    if (values.json) writeJsonLine(io, result);
    else io.stdout.write(formatSummary(result));
    return 0;
  },
};

export const certificateRecheck: Command = {
  words: ['certificate', 'recheck'],
  summary: 'Count the stored report checks a new limits table would change (nothing is written)',
  usage: `Usage: checkpoint certificate recheck --limits FILE [--db PATH] [--json]

Runs every stored certificate check again with the same input, policy and moment but the given limits
table, and prints how many outcomes or verdicts would change. Stored verdicts are not touched.`,
  async run(argv, io) {
    const { values } = parseOptions(argv, { ...dbOption, limits: { type: 'string' }, json: { type: 'boolean' } });
    if (!values.limits) throw new CliError('--limits FILE is required');
    const limits = accept(parseLimitsTable(await readJsonFile(values.limits, 'limits')), `limits ${values.limits}`);
    // No sign-in: it counts, writes nothing and shows no personal data.
    const summary = await withApp(values.db, (app) => recheckAll(app.db, limits));
    if (values.json) writeJsonLine(io, summary);
    else io.stdout.write(`${summary.checked} checks re-run against ${summary.limitsVersion}; ${summary.changed} would change\n`);
    return 0;
  },
};

export const certificateCommands: Command[] = [certificateCheck, certificateRecheck];
