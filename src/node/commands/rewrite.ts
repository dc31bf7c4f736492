/**
 * `cead rewrite LETTER --answers FILE`: asks the configured model (docs/cli.md) for a rewrite of each
 * competency section of a letter as it stands, runs the fact guard on each, and prints the suggestions
 * with what was refused and why. The letter file is not changed: a suggestion is the writer's to take.
 */

import { COMPETENCIES } from '../../core/competencies';
import {
  consentsToModel,
  plannedRequests,
  rewriteComment,
  rewriteSections,
} from '../../core/rewrite/rewrite-letter';
import { planSectionBodies } from '../../core/rewrite/section-inputs';
import { parseCommandArgs } from '../args';
import { type Command, EXIT, type Io, UsageError } from '../io';
import { readLetter, UnreadableLetter } from '../letter-readers';
import { callAhead, genaiClient, modelConfigFromEnv } from '../model-rewriter';
import { readAnswers } from './check';

const USAGE = `cead rewrite LETTER --answers FILE [--json]

Asks a language model to propose clearer wording for each competency section of LETTER (.docx, .txt or
.md), one call per section, and checks every proposed sentence against the answers (the fact guard). Prints
each suggestion, or why the section's own text stays; LETTER is not changed. Nothing is sent unless the
answers say yes to consent.modelAssist. The model: CEAD_MODEL_API_KEY (or GOOGLE_CLOUD_PROJECT and
GOOGLE_CLOUD_LOCATION for Vertex AI), CEAD_MODEL, CEAD_MODEL_BASE_URL; see docs/cli.md.

  --answers FILE  the order's answers, a JSON object keyed by questionnaire item id
  --json          print [{"section", "status", "model", "calls", "proposal", "comment"}]

Exit status: 0 every section was sent and answered (accepted or refused), 1 the candidate did not consent
or the model failed on a section, 2 unusable input or no model configured.`;

/** Each section's paragraph in the letter: the line that starts with its heading. */
function paragraphsByHeading(text: string): (id: string) => string | undefined {
  const lines = text.split('\n');
  return (id) => {
    const c = COMPETENCIES.find((x) => x.id === id);
    return c ? lines.find((l) => l.startsWith(`${c.title}. `)) : undefined;
  };
}

export const rewriteCommand: Command = {
  name: 'rewrite',
  summary: 'suggest a language-model rewrite of each section of a letter, checked by the fact guard',
  usage: USAGE,
  async run(argv, io: Io) {
    const { values, positionals } = parseCommandArgs(
      argv,
      { answers: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 1 || !values.answers)
      throw new UsageError('give one LETTER and --answers FILE');
    const config = modelConfigFromEnv(io.env ?? process.env);
    if (typeof config === 'string') throw new UsageError(config);
    const answers = await readAnswers(values.answers, io);
    let letter: Awaited<ReturnType<typeof readLetter>>;
    try {
      letter = await readLetter(positionals[0]!);
    } catch (e) {
      if (e instanceof UnreadableLetter) throw new UsageError(e.message);
      throw e;
    }
    if (!consentsToModel(answers)) {
      io.err('cead rewrite: the candidate has not said yes to consent.modelAssist; nothing was sent\n');
      return EXIT.problems;
    }
    const plans = planSectionBodies(paragraphsByHeading(letter.text), answers);
    const rewriter = await callAhead(genaiClient(config), config.model, plannedRequests(plans));
    const results = rewriteSections(plans, rewriter, {});
    const rows = results.map((r) => {
      const heading = COMPETENCIES.find((c) => c.id === r.sectionId)?.title ?? r.sectionId;
      return {
        section: r.sectionId,
        heading,
        status: r.status,
        model: r.model,
        calls: r.calls,
        proposal: r.status === 'rewritten' ? r.proposal : '',
        comment: rewriteComment(heading, r),
      };
    });
    if (values.json)
      io.out(
        `${JSON.stringify(
          rows.map(({ heading: _, ...row }) => row),
          null,
          2,
        )}\n`,
      );
    else
      for (const row of rows)
        io.out(
          `${row.heading}: ${row.status}\n${row.proposal ? `  ${row.proposal}\n` : ''}  ${row.comment.replace(/\n/g, '\n  ')}\n\n`,
        );
    return results.some((r) => r.status === 'failed') ? EXIT.problems : EXIT.ok;
  },
};
