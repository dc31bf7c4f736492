/**
 * The measurement as a reader wants it: one line per letter, totals per pronoun run and overall, then every
 * defect and every missing fact with the sentence it is about.
 */
import type { LetterSectionId } from '../../src/core/letter/model';
import type { LetterFigures } from './baseline';
import type { LetterCase } from './corpus';
import { DEFECT_KINDS } from './detectors';
import type { Defect } from './measure';

export interface Measured {
  readonly case: LetterCase;
  /** The letter as the text renderer prints it, with its open questions. */
  readonly text: string;
  readonly figures: LetterFigures;
  readonly defects: readonly Defect[];
  readonly missing: readonly { sectionId: LetterSectionId; fact: string }[];
  /** For a set with a target: the word-level LCS ratio of the draft to it (closeness.ts). Reported only. */
  readonly closeness?: number;
}

const pct = (a: number, b: number) => (b === 0 ? '0.0%' : `${((100 * a) / b).toFixed(1)}%`);
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function defectSummary(defects: Partial<Record<string, number>>): string {
  const parts = DEFECT_KINDS.filter((k) => (defects[k] ?? 0) > 0).map((k) => `${k} ${defects[k]}`);
  return parts.length ? parts.join(', ') : 'no defects';
}

function totals(label: string, list: readonly Measured[]): string {
  const sum = (f: (m: Measured) => number) => list.reduce((n, m) => n + f(m), 0);
  const cand = sum((m) => m.figures.candidateSentences);
  const verb = sum((m) => m.figures.verbatim);
  const facts = sum((m) => m.figures.factsTotal);
  const kept = sum((m) => m.figures.factsKept);
  const byKind: Record<string, number> = {};
  for (const m of list) for (const d of m.defects) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  const defects = Object.values(byKind).reduce((a, b) => a + b, 0);
  return (
    `${label.padEnd(8)} ${list.length} letters, ${cand} candidate sentences, ${cand - verb} converted, ` +
    `${verb} verbatim (${pct(verb, cand)}), facts kept ${kept}/${facts} (${pct(kept, facts)}), ` +
    `${defects} defects: ${defectSummary(byKind)}`
  );
}

export function formatReport(measured: readonly Measured[]): string {
  const lines = [
    'Letter quality: per letter (candidate sentences / converted / verbatim — marked, or a note pasted as typed —, facts kept, defects)',
  ];
  for (const m of measured) {
    const f = m.figures;
    lines.push(
      `  ${m.case.key.padEnd(44)} ${String(f.candidateSentences).padStart(3)} / ${String(f.candidateSentences - f.verbatim).padStart(3)} / ${String(f.verbatim).padStart(3)} (${pct(f.verbatim, f.candidateSentences).padStart(6)})  facts ${f.factsKept}/${f.factsTotal}  ${defectSummary(f.defects)}`,
    );
  }
  lines.push('', 'Totals');
  const runs = [...new Set(measured.map((m) => m.case.run))];
  for (const run of runs)
    lines.push(
      `  ${totals(
        run,
        measured.filter((m) => m.case.run === run),
      )}`,
    );
  const excess = measured.filter((m) => (m.figures.pronounExcess ?? 0) > 0);
  lines.push(
    `  ${totals('all', measured)}`,
    `  they/ze runs with more verbatim sentences than the she/he runs of the same answers: ${excess.length}` +
      (excess.length
        ? ` (${excess.map((m) => `${m.case.key} +${m.figures.pronounExcess}`).join(', ')})`
        : ''),
    '',
    'Defects',
  );
  for (const m of measured)
    for (const d of m.defects) lines.push(`  ${m.case.key} [${d.sectionId}] ${d.kind}: ${clip(d.text)}`);
  lines.push('', 'Closeness to the target letter (word-level LCS ratio; reported, not ratcheted)');
  for (const m of measured)
    if (m.closeness !== undefined) lines.push(`  ${m.case.key.padEnd(44)} ${m.closeness.toFixed(3)}`);
  lines.push('', 'Facts missing from their section');
  for (const m of measured)
    for (const f of m.missing) lines.push(`  ${m.case.key} [${f.sectionId}] ${clip(f.fact)}`);
  return lines.join('\n');
}
