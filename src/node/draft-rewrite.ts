/**
 * `cead draft --rewrite`: the model's rewrite of each consenting candidate's letter, called ahead of the
 * run (the client is asynchronous, intake is not) and applied as each letter is composed. What happened to
 * each section is kept as ids only (order, section, model, prompt, calls), for the lines the command prints.
 */
import { parseAnswerRecord } from '../core/answers';
import { composeLetter } from '../core/letter/compose';
import type { LetterStep } from '../core/letter-draft';
import {
  consentsToModel,
  plannedRequests,
  rewriteLetter,
  type SectionRewrite,
} from '../core/rewrite/rewrite-letter';
import { planSections } from '../core/rewrite/section-inputs';
import { DEFAULT_SETTINGS } from '../core/settings';
import { UsageError } from './io';
import { callAhead, genaiClient, modelConfigFromEnv } from './model-rewriter';
import { readResponseFile } from './response-file';

export interface DraftRewrite {
  readonly apply: LetterStep;
  /** One line per section rewritten or kept: ids, the model and the calls, never text. */
  readonly records: () => string[];
}

export async function prepareDraftRewrite(
  path: string,
  shownAs: string,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
): Promise<DraftRewrite> {
  const config = modelConfigFromEnv(env);
  if (typeof config === 'string') throw new UsageError(`--rewrite: ${config}`);
  const responses = readResponseFile(path, shownAs, {
    timeZone: DEFAULT_SETTINGS.timeZone,
    locale: DEFAULT_SETTINGS.dateLocale,
    now: now.toISOString(),
    submittedOf: () => undefined,
  });
  const requests = responses.flatMap((r) => {
    const answers = parseAnswerRecord(r.raw, { locale: DEFAULT_SETTINGS.dateLocale }).answers;
    return consentsToModel(answers) ? plannedRequests(planSections(composeLetter(answers), answers)) : [];
  });
  const rewriter = await callAhead(genaiClient(config), config.model, requests);
  const records: string[] = [];
  const line = (orderId: string, s: SectionRewrite) =>
    `${orderId} ${s.sectionId}: ${s.status} (${s.model}, prompt ${s.promptVersion}, ${s.calls} call${s.calls === 1 ? '' : 's'}${s.detail ? `, ${s.detail}` : ''})`;
  return {
    apply(letter, answers, orderId) {
      const r = rewriteLetter(letter, answers, { rewriter });
      for (const s of r.sections) records.push(line(orderId, s));
      return r;
    },
    records: () => [...records],
  };
}
