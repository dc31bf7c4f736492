/**
 * Loads the bundled example answers (`examples/answers/*.json`) as typed `Answers`, without the answer
 * parser: number items become numbers and text is normalized, which is what the parser promises. Letter
 * tests use this so they do not depend on the parser's progress.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Answers, ITEMS } from '../../src/core/questionnaire';
import { normalizeLine, normalizeText } from '../../src/core/text';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples', 'answers');

export function exampleNames(): string[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

export function rawExample(name: string): Record<string, string> {
  return JSON.parse(readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8')) as Record<string, string>;
}

export function exampleAnswers(name: string): Answers {
  const raw = rawExample(name);
  const out: Record<string, string | number> = {};
  for (const item of ITEMS) {
    const value = raw[item.id];
    if (value === undefined) continue;
    if (item.type === 'number') out[item.id] = Number(value);
    else if (item.type === 'paragraph') out[item.id] = normalizeText(value);
    else out[item.id] = normalizeLine(value);
    if (out[item.id] === '') delete out[item.id];
  }
  return out as Answers;
}
