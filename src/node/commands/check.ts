/**
 * `cead check LETTER --answers FILE`: the letter check on a local letter. Exit status 1 when any finding is
 * an error (the letter cannot be finalized), 0 otherwise, 2 when the input cannot be used.
 */
import { readFile } from 'node:fs/promises';
import { parseAnswersJson } from '../../core/answers';
import { check, type Finding, type Severity } from '../../core/check';
import { parseDate } from '../../core/dates';
import type { Answers, IsoDate } from '../../core/questionnaire';
import { parseCommandArgs } from '../args';
import { formatReport, wantsColour } from '../check-report';
import { type Command, EXIT, type Io, UsageError } from '../io';
import { type LetterText, readLetter, UnreadableLetter } from '../letter-readers';

const USAGE = `cead check LETTER --answers FILE [--others FILE] [--date YYYY-MM-DD] [--json | --format]

Checks a letter (.docx, .txt or .md) against the order's answers: the candidate's name, specialty, dates
and pronouns, placeholders, unconverted first person, structure and the language that weakens letters.

  --answers FILE  the order's answers, a JSON object keyed by questionnaire item id
  --others FILE   the other orders' candidate names, one per line (# starts a comment)
  --date DATE     the letter's date, when the letter itself has no date line
  --json          print the findings as a JSON array of {code, severity, message, excerpt, start, end, source};
                  start and end are UTF-16 offsets into the checked text (for .md, the text without markup)
  --format        a one-screen report: the findings under each paragraph, each passage highlighted (in
                  colour when stdout is a terminal and NO_COLOR is not set)

Exit status: 1 when any finding is an error, 0 otherwise, 2 when an input cannot be used.`;

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${what} ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? e})`}`,
    );
  }
}

export async function readAnswers(path: string, io: Io): Promise<Answers> {
  const raw = await readText(path, '--answers');
  let value: unknown;
  try {
    value = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`--answers ${path}: not valid JSON (${e instanceof Error ? e.message : e})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--answers ${path}: not a JSON object keyed by item id`);
  }
  const parsed = parseAnswersJson(value);
  for (const p of parsed.problems.filter((x) => x.severity === 'error')) {
    io.err(`cead check: note: answers: ${p.message}\n`);
  }
  return parsed.answers;
}

export function parseOthers(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l.length > 0);
}

const HEADINGS: Readonly<Record<Severity, [string, string]>> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};

function lineCol(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

function shown(excerpt: string): string {
  const one = excerpt.replace(/\s*\n\s*/g, ' ⏎ ');
  return one.length > 70 ? `${one.slice(0, 67)}…` : one;
}

/** Findings grouped by severity, each with its place in the file, excerpt and reason. */
export function formatFindings(findings: readonly Finding[], letter: LetterText, name: string): string {
  if (findings.length === 0) return `${name}: no findings\n`;
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${HEADINGS[s][n === 1 ? 0 : 1]}`);
  const out = [`${name}: ${counts.join(', ')}`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push('', `${HEADINGS[severity][1][0]!.toUpperCase()}${HEADINGS[severity][1].slice(1)}:`);
    for (const f of group) {
      const where =
        f.start === f.end && f.excerpt === ''
          ? ''
          : ` ${lineCol(letter.source, letter.sourceOffset(f.start))}`;
      out.push(`  ${f.code}${where}${f.excerpt ? `  “${shown(f.excerpt)}”` : ''}`, `    ${f.message}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a letter (.docx, .txt, .md) against the order’s answers',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      {
        answers: { type: 'string' },
        others: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean' },
        format: { type: 'boolean' },
      },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('give exactly one LETTER file (.docx, .txt or .md)');
    if (values.answers === undefined) throw new UsageError('missing --answers FILE');
    if (values.json && values.format) throw new UsageError('give --json or --format, not both');
    let letterDate: IsoDate | undefined;
    if (values.date !== undefined) {
      const d = parseDate(values.date);
      if (!d.ok) throw new UsageError(`--date "${values.date}" ${d.reason}`);
      letterDate = d.value;
    }
    const path = positionals[0]!;
    let letter: LetterText;
    try {
      letter = await readLetter(path);
    } catch (e) {
      if (e instanceof UnreadableLetter) throw new UsageError(e.message);
      throw e;
    }
    const answers = await readAnswers(values.answers, io);
    const others = values.others === undefined ? [] : parseOthers(await readText(values.others, '--others'));
    const findings = check(letter.text, answers, {
      otherCandidateNames: others,
      ...(letterDate ? { letterDate } : {}),
    });
    io.out(
      values.json
        ? `${JSON.stringify(findings, null, 2)}\n`
        : values.format
          ? formatReport(path, letter.text, findings, {
              colour: wantsColour(io.outIsTTY ?? false, io.env ?? process.env),
              lineOf: (o) => letter.source.slice(0, letter.sourceOffset(o)).split('\n').length,
            })
          : formatFindings(findings, letter, path),
    );
    return findings.some((f) => f.severity === 'error') ? EXIT.problems : EXIT.ok;
  },
};
