/**
 * The letter check on a two-page letter: the sidebar runs it on every open and after every edit, so it must
 * answer at once (target under 20 ms). The letter is a clean corpus letter grown to about 900 words (two estimated pages) with
 * its own paragraphs, checked against its answers and the other corpus orders' names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../src/core/check';
import { estimatePages } from '../src/core/check/length';
import { paragraphsOf, wordsOf } from '../src/core/check/text-scan';
import type { Answers } from '../src/core/questionnaire';
import type { BenchRow } from './types';

const CORPUS = join(process.cwd(), 'test', 'check-corpus');

function twoPageLetter(): { text: string; answers: Answers; others: string[] } {
  const base = readFileSync(join(CORPUS, 'clean', 'okafor-1.txt'), 'utf8');
  const paragraphs = base.split('\n\n');
  const body = paragraphs.slice(6, -2);
  let text = base;
  for (let i = 0; wordsOf(text).length < 900; i++) {
    const at = text.lastIndexOf('\n\nSincerely,');
    text = `${text.slice(0, at)}\n\n${body[i % body.length]}${text.slice(at)}`;
  }
  const sets = readdirSync(join(CORPUS, 'answers')).map(
    (f) => [f, JSON.parse(readFileSync(join(CORPUS, 'answers', f), 'utf8'))] as const,
  );
  const answers = sets.find(([f]) => f === 'okafor.json')![1] as Answers;
  const others = sets.filter(([f]) => f !== 'okafor.json').map(([, a]) => a['candidate.fullName'] as string);
  return { text, answers, others };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function rows(): Promise<BenchRow[]> {
  const { text, answers, others } = twoPageLetter();
  const context = { otherCandidateNames: others };
  for (let i = 0; i < 20; i++) check(text, answers, context);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = process.hrtime.bigint();
    check(text, answers, context);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  const ms = median(times);
  return [
    {
      figure: 'letter check, two-page letter (median)',
      value: ms,
      unit: 'ms',
      target: '< 20 ms',
      ok: ms < 20,
    },
    { figure: 'letter check, benchmark letter size', value: wordsOf(text).length, unit: 'words' },
    {
      figure: 'letter check, benchmark letter pages (estimated)',
      value: Number(estimatePages(paragraphsOf(text)).toFixed(2)),
      unit: 'pages',
    },
  ];
}
