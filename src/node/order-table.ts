/**
 * The orders of a local run as a plain-text table, for `cead draft` and `cead demo`.
 */
import type { Finding } from '../core/check';
import { MARK_OPEN } from '../core/letter/model';
import type { OrderReport } from './local-run';

/**
 * A finding on one of the draft's own marked passages (⟦…⟧): a placeholder, or a sentence left for the
 * writer. Every draft has them by design, each with its open question, so they do not count as problems
 * of the run (they still block FINALIZED, and `cead check` still reports them).
 */
export function isOnMarkedPassage(f: Finding): boolean {
  return f.excerpt.startsWith(MARK_OPEN);
}

/** Error-level findings that are problems of the draft, not its marked passages. */
export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'error' && !isOnMarkedPassage(f));
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function checkSummary(report: OrderReport): string {
  if (report.status === 'NEEDS_INFO') return count(report.problems.length, 'problem');
  if (report.files.length === 0) return '';
  const errors = blockingFindings(report.findings).length;
  const warnings = report.findings.filter((f) => f.severity === 'warning').length;
  const marked = report.findings.filter(isOnMarkedPassage).length;
  return `${count(errors, 'error')}, ${count(warnings, 'warning')}, ${marked} on marked passages`;
}

/**
 * Text from the answers as a terminal should get it: control characters (an ESC starts a sequence that
 * can rewrite the screen) and the bidirectional overrides that reorder what is shown become U+FFFD. The
 * files keep the answers verbatim; this is only what is printed.
 */
export function terminalSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
}

function truncate(s: string, width: number): string {
  const line = terminalSafe(s.replace(/\s+/g, ' ').trim());
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

export function formatOrderTable(reports: readonly OrderReport[]): string {
  const header = ['ORDER ID', 'CANDIDATE', 'STATUS', 'PACKAGE', 'DUE', 'CHECK'];
  const rows = reports.map((r) => [
    r.orderId,
    truncate(r.candidate || '(no name)', 28),
    r.status,
    r.package || '—',
    r.due ?? '—',
    checkSummary(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Each NEEDS_INFO order's problems, indented under its ID. */
export function formatProblems(reports: readonly OrderReport[]): string {
  return reports
    .filter((r) => r.problems.length > 0)
    .map((r) => [`${r.orderId} needs:`, ...r.problems.map((p) => `  - ${terminalSafe(p)}`)].join('\n'))
    .join('\n');
}
