/**
 * The model rewrite's cost: median time of the fact guard per proposed section, over the rewrite corpus
 * (test/rewrite-corpus), target under 5 ms; and the model calls a rewrite adds per section, counted on a
 * Rewriter that answers every call (target: one, no retries when nothing fails).
 */
import { readFileSync } from 'node:fs';
import { parseAnswersJson } from '../src/core/answers';
import { composeLetter } from '../src/core/letter/compose';
import type { Rewriter } from '../src/core/ports';
import { guardSection, wordBudgetFor } from '../src/core/rewrite/fact-guard';
import { rewriteLetter } from '../src/core/rewrite/rewrite-letter';
import { planSections, type SectionInput } from '../src/core/rewrite/section-inputs';
import type { BenchRow } from './types';

interface Entry {
  readonly answers: string;
  readonly section: string;
  readonly proposal: string;
}

function answersOf(name: string) {
  const raw = JSON.parse(readFileSync(`examples/answers/${name}.json`, 'utf8'));
  return parseAnswersJson({ ...raw, 'consent.modelAssist': 'Yes' }).answers;
}

function corpusInputs(): { input: SectionInput; proposal: string }[] {
  const corpus = JSON.parse(readFileSync('test/rewrite-corpus/proposals.json', 'utf8')) as Entry[];
  return corpus.flatMap((e) => {
    const answers = answersOf(e.answers);
    const plan = planSections(composeLetter(answers), answers).find(
      (p) => p.ok && p.input.sectionId === e.section,
    );
    return plan?.ok ? [{ input: plan.input, proposal: e.proposal }] : [];
  });
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function rows(): Promise<BenchRow[]> {
  const inputs = corpusInputs();
  const times: number[] = [];
  for (let round = 0; round < 30; round++) {
    for (const { input, proposal } of inputs) {
      const start = process.hrtime.bigint();
      guardSection({
        proposal,
        ruleText: input.ruleText,
        source: input.source,
        facts: input.facts,
        wordBudget: wordBudgetFor(input.ruleText),
      });
      if (round >= 5) times.push(ms(start));
    }
  }
  let calls = 0;
  let sections = 0;
  const echo: Rewriter = {
    model: 'bench',
    rewrite: (request) => {
      calls++;
      return { kind: 'text', text: request.user.split('\n').slice(-1)[0] ?? '' };
    },
  };
  for (const name of ['aisha-rahman', 'daniel-whitfield', 'rosa-delgado', 'noah-lindqvist']) {
    const answers = answersOf(name);
    sections += rewriteLetter(composeLetter(answers), answers, { rewriter: echo }).sections.length;
  }
  const perSection = calls / sections;
  const guardMs = median(times);
  return [
    {
      figure: 'fact guard per proposed section (median)',
      value: guardMs,
      unit: 'ms',
      target: '< 5 ms',
      ok: guardMs < 5,
    },
    {
      figure: 'model calls a rewrite adds per section',
      value: perSection,
      unit: 'calls',
      target: '1',
      ok: perSection === 1,
    },
  ];
}
