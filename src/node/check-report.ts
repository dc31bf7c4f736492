/**
 * `cead check --format`: the findings as a writer reads them on one screen, under the paragraph they are
 * in, each with its passage highlighted in a short window of the paragraph's text. Colour (ANSI) only when
 * the caller says the terminal takes it; plain text marks the passage with «guillemets» instead.
 */
import type { Finding, Severity } from '../core/check';
import { paragraphsOf } from '../core/check/text-scan';

/** Findings past this many are counted, not shown: the report stays on one screen. */
export const MAX_SHOWN = 20;
const BEFORE = 30;
const AFTER = 30;
const PASSAGE = 60;

const COLOUR: Readonly<Record<Severity, string>> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
};
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

interface Style {
  readonly severity: (s: Severity, text: string) => string;
  readonly passage: (s: Severity, text: string) => string;
  readonly dim: (text: string) => string;
}

const PLAIN: Style = {
  severity: (_s, t) => t,
  passage: (_s, t) => `«${t}»`,
  dim: (t) => t,
};

const ANSI: Style = {
  severity: (s, t) => `${BOLD}${COLOUR[s]}${t}${RESET}`,
  // Reverse video in the severity's colour: the passage stands out whatever the terminal's theme.
  passage: (s, t) => `${COLOUR[s]}\x1b[7m${t}${RESET}`,
  dim: (t) => `${DIM}${t}${RESET}`,
};

/**
 * Whether to colour the report: stdout is a terminal and NO_COLOR (no-color.org) is unset or empty.
 */
export function wantsColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY && (env['NO_COLOR'] ?? '') === '';
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

function cutEnd(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The passage in a window of its paragraph: a little before, the passage (cut when long), a little after. */
function windowed(text: string, from: number, to: number, f: Finding, style: Style): string {
  const before = flat(text.slice(from, f.start));
  const after = flat(text.slice(f.end, to));
  const lead = before.length > BEFORE ? `…${before.slice(-BEFORE).trimStart()}` : before;
  const tail = after.length > AFTER ? `${after.slice(0, AFTER).trimEnd()}…` : after;
  return `${style.dim(lead)}${style.passage(f.severity, cutEnd(flat(f.excerpt), PASSAGE))}${style.dim(tail)}`;
}

function findingLine(f: Finding, style: Style): string {
  return `    ${style.severity(f.severity, `${f.severity} ${f.code}`)}: ${f.message}`;
}

function countsLine(findings: readonly Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const part = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return [
    part(n('error'), 'error', 'errors'),
    part(n('warning'), 'warning', 'warnings'),
    part(n('info'), 'note', 'notes'),
  ].join(', ');
}

/**
 * The report. `text` is the checked text (the findings' offsets point into it); `lineOf` gives a finding's
 * line in the file, so the writer can find the paragraph in their editor.
 */
export function formatReport(
  name: string,
  text: string,
  findings: readonly Finding[],
  options: { readonly colour: boolean; readonly lineOf: (offset: number) => number },
): string {
  const style = options.colour ? ANSI : PLAIN;
  const out = [`${name}: ${findings.length === 0 ? 'no findings' : countsLine(findings)}`];
  const shown = findings.slice(0, MAX_SHOWN);
  const paragraphs = paragraphsOf(text);
  // Each finding under the paragraph it starts in (one that runs on past it is still shown there).
  const byParagraph = new Map<number, Finding[]>();
  for (const f of shown.filter((x) => x.excerpt !== '')) {
    let i = 0;
    while (i + 1 < paragraphs.length && paragraphs[i + 1]!.start <= f.start) i++;
    byParagraph.set(i, [...(byParagraph.get(i) ?? []), f]);
  }
  for (const i of [...byParagraph.keys()].sort((a, b) => a - b)) {
    const p = paragraphs[i] ?? { start: 0, end: text.length };
    out.push('', style.dim(`¶${i + 1} (line ${options.lineOf(p.start)})`));
    for (const f of byParagraph.get(i)!.sort((a, b) => a.start - b.start)) {
      const end = Math.max(p.end, f.end);
      out.push(`  ${windowed(text, Math.min(p.start, f.start), end, f, style)}`, findingLine(f, style));
    }
  }
  const whole = shown.filter((f) => f.excerpt === '');
  if (whole.length > 0) {
    out.push('', style.dim('The whole letter'));
    for (const f of whole) out.push(findingLine(f, style));
  }
  if (findings.length > shown.length) {
    out.push('', `… and ${findings.length - shown.length} more findings (--json lists them all).`);
  }
  return `${out.join('\n')}\n`;
}
