/**
 * A report's QR code may carry the report itself as certificate JSON (docs/certificate-json.md), usually in
 * its compact form: minified, report fields only. The kiosk takes from it what a report panel holds; a field
 * that is malformed is left out (to be typed or checked), never guessed, and the truck's own fields in a full
 * certificate JSON (arrivedAt, use, …) are ignored because the registration states them.
 */
import { CertificateReport, CertificateResultInput } from './certificates.ts';

export type ScannedReport = Partial<CertificateReport> & { reportNumber: string };

const FIELDS = ['lab', 'cmaNumber', 'sampleOrigin', 'sampledOn', 'reportedOn', 'coalRank', 'tonnageCoveredKg', 'distanceKm'] as const;

/** The report in a scanned code, or null when the code is not certificate JSON with a report number. */
export function parseScannedReport(code: string): ScannedReport | null {
  const text = code.trim();
  if (!text.startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null) return null;
  const obj = json as Record<string, unknown>;
  const reportNumber = CertificateReport.shape.reportNumber.safeParse(obj.reportNumber);
  if (!reportNumber.success) return null;
  const out: ScannedReport = { reportNumber: reportNumber.data };
  for (const key of FIELDS) {
    const parsed = CertificateReport.shape[key].safeParse(obj[key] ?? undefined);
    if (parsed.success && parsed.data !== undefined) Object.assign(out, { [key]: parsed.data });
  }
  if (Array.isArray(obj.results)) {
    const results = obj.results.flatMap((r) => {
      const parsed = CertificateResultInput.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
    if (results.length > 0) out.results = results;
  }
  return out;
}
