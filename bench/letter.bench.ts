/**
 * Letter rendering cost: median time to compose one letter and build its Docs `batchUpdate` request list
 * (what an Apps Script run does per order; target under 5 ms so a 6-minute execution is never at risk), and
 * median time to write the letter as `.docx` (the CLI's per-order cost). Measured over every bundled example,
 * the very long one included, after a warm-up, with process.hrtime.bigint. Also the size of build/Code.js
 * (built by `npm run bench`): every Apps Script execution loads the whole bundle, the composer included.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { composeLetter } from '../src/core/letter/compose';
import { renderDocsRequests } from '../src/core/letter/render-docs';
import { type Answers, ITEMS } from '../src/core/questionnaire';
import { normalizeLine, normalizeText } from '../src/core/text';
import { documentDocx } from '../src/node/docx-letter';
import type { BenchRow } from './types';

const TARGET_MS = 5;

function exampleAnswers(root: string): Answers[] {
  const dir = join(root, 'examples', 'answers');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, string>;
      const out: Record<string, string | number> = {};
      for (const item of ITEMS) {
        const v = raw[item.id];
        if (v === undefined) continue;
        out[item.id] =
          item.type === 'number'
            ? Number(v)
            : item.type === 'paragraph'
              ? normalizeText(v)
              : normalizeLine(v);
      }
      return out as Answers;
    });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export async function rows(): Promise<BenchRow[]> {
  const all = exampleAnswers(process.cwd());
  const compose: number[] = [];
  for (let round = 0; round < 60; round++) {
    for (const answers of all) {
      const start = process.hrtime.bigint();
      renderDocsRequests(composeLetter(answers));
      if (round >= 10) compose.push(ms(start));
    }
  }
  const docx: number[] = [];
  for (let round = 0; round < 8; round++) {
    for (const answers of all) {
      const model = composeLetter(answers);
      const start = process.hrtime.bigint();
      documentDocx(model, { date: new Date(0) });
      if (round >= 2) docx.push(ms(start));
    }
  }
  const composeMs = median(compose);
  return [
    {
      figure: 'compose letter + Docs requests (median)',
      value: composeMs,
      unit: 'ms',
      target: `< ${TARGET_MS} ms`,
      ok: composeMs < TARGET_MS,
    },
    { figure: 'letter .docx (median)', value: median(docx), unit: 'ms' },
    {
      figure: 'Apps Script bundle build/Code.js',
      value: Math.round(statSync(join(process.cwd(), 'build', 'Code.js')).size / 1024),
      unit: 'KiB',
    },
  ];
}
