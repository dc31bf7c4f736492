/**
 * The one-page clinical experience summary the candidate gives the recommender: the rotation facts and one
 * bullet per competency example, in the candidate's own words (it is the candidate's summary, so it stays in
 * the first person). Built on the same document model as the letter, so it renders to Docs, .docx and HTML.
 * Long examples are cut at a sentence boundary to keep one page, with a marked note and an open question
 * holding the cut text, as in the letter.
 */
import { COMPETENCIES } from '../competencies';
import type { Answers, ItemId } from '../questionnaire';
import { normalizeLine } from '../text';
import {
  answerAsTyped,
  type LetterBudget,
  letterPeople,
  RELATIONSHIP_ANSWER_IDS,
  shareBudget,
  trimAtSentence,
} from './compose';
import { formatDateRange, numberWord, parseIsoDay, roundedWeeks } from './letter-dates';
import {
  type Block,
  createDocumentModel,
  markedRun,
  type OpenQuestionDraft,
  type Paragraph,
  type Run,
  type SummaryModel,
  type SummarySectionId,
} from './model';
import { PRONOUN_FORMS } from './point-of-view';
import { usStateName } from './us-states';

/** One page: calibrated like the letter's budget, against LibreOffice's page count. */
export const SUMMARY_BUDGET: LetterBudget = { charsPerLine: 95, lines: 43 };

const NOT_GIVEN = 'not given';

const para = (role: Paragraph['role'], ...runs: Run[]): Paragraph => ({
  role,
  runs: runs.filter((r) => r.text !== ''),
});
const label = (text: string): Run => ({ text: `${text}: `, bold: true });
const plain = (text: string): Run => ({ text });

/** Whole sentences when they fit; a summary bullet may also end mid-sentence, at a word, with "…". */
function trimForSummary(text: string, cap: number): { kept: string; cut: string } {
  // Below a few words a bullet says nothing; a tighter page budget must not make bullets longer either.
  const limit = Math.max(40, cap);
  const bySentence = trimAtSentence(text, limit);
  if (bySentence.cut === '' || bySentence.kept.length <= limit) return bySentence;
  const space = text.lastIndexOf(' ', limit);
  const at = space > 0 ? space : limit;
  return { kept: `${text.slice(0, at).trimEnd()}…`, cut: `…${text.slice(at).trimStart()}` };
}

export function composeSummary(answers: Answers, budget: LetterBudget = SUMMARY_BUDGET): SummaryModel {
  const people = letterPeople(answers);
  const line = (id: ItemId) => normalizeLine(String(answers[id] ?? ''));
  const questions: OpenQuestionDraft<SummarySectionId>[] = [];

  const pronouns =
    people.pronouns === 'name'
      ? line('candidate.pronouns') || 'name only'
      : `${PRONOUN_FORMS[people.pronouns].subject}/${PRONOUN_FORMS[people.pronouns].object}`;
  const title: Block<SummarySectionId> = {
    sectionId: 'title',
    answerIds: ['candidate.fullName', 'recommender.name', 'recommender.degree'],
    paragraphs: [
      para('title', plain('Clinical experience summary')),
      para(
        'subtitle',
        plain(`${people.fullName}, for ${people.recommenderAddress} (${people.recommenderSignature})`),
      ),
    ],
  };

  const start = parseIsoDay(answers['rotation.start']);
  const end = parseIsoDay(answers['rotation.end']);
  const when =
    start && end
      ? `${formatDateRange(start, end)} (${numberWord(roundedWeeks(start, end))} ${roundedWeeks(start, end) === 1 ? 'week' : 'weeks'})`
      : NOT_GIVEN;
  const hours = answers['rotation.hoursPerWeek'];
  const perDay = answers['rotation.patientsPerDay'];
  const state = line('rotation.state');
  const where = [line('rotation.site'), line('rotation.city'), usStateName(state) ?? state]
    .filter(Boolean)
    .join(', ');
  const ferpa = line('candidate.ferpaWaived');
  const candidateLine = [
    `${people.fullName} (${people.name === people.fullName ? '' : `“${people.name}”, `}${pronouns})`,
    line('candidate.type'),
    [line('candidate.school'), answers['candidate.graduationYear']].filter(Boolean).join(', '),
  ]
    .filter(Boolean)
    .join(' · ');
  const relationship = answerAsTyped(answers['recommender.relationship']);
  const relationshipCap = 3 * budget.charsPerLine;
  const relationshipTrim = trimForSummary(relationship, relationshipCap);
  const relationshipBullet = relationshipTrim.cut
    ? para(
        'bullet',
        label('How you supervised me'),
        plain(`${relationshipTrim.kept} `),
        markedRun('the rest is in the comment'),
      )
    : para('bullet', label('How you supervised me'), plain(relationship || NOT_GIVEN));
  if (relationshipTrim.cut) {
    questions.push({
      sectionId: 'facts',
      kind: 'length',
      quote: markedRun('the rest is in the comment').text,
      question: `Cut to keep the summary on one page: “${relationshipTrim.cut}”`,
    });
  }
  const facts: Block<SummarySectionId> = {
    sectionId: 'facts',
    // The relationship paragraph's facts, plus the pronouns and FERPA choice the summary also shows.
    answerIds: [...RELATIONSHIP_ANSWER_IDS, 'candidate.pronouns', 'candidate.ferpaWaived'],
    paragraphs: [
      para('heading', plain('The rotation')),
      para('bullet', label('Candidate'), plain(candidateLine)),
      para('bullet', label('Applying to'), plain(line('candidate.specialty') || NOT_GIVEN)),
      para(
        'bullet',
        label('Rotation'),
        plain(
          [
            line('rotation.name'),
            [line('rotation.type'), line('rotation.setting')].filter(Boolean).join(', ').toLowerCase(),
          ]
            .filter(Boolean)
            .join(' — ') || NOT_GIVEN,
        ),
      ),
      para('bullet', label('Where'), plain(where || NOT_GIVEN)),
      para('bullet', label('When'), plain(when)),
      para(
        'bullet',
        label('With you'),
        plain(
          [
            typeof hours === 'number' ? `about ${hours} hours a week` : `hours a week ${NOT_GIVEN}`,
            typeof perDay === 'number' ? `about ${perDay} patients a day` : '',
          ]
            .filter(Boolean)
            .join('; '),
        ),
      ),
      relationshipBullet,
      para(
        'bullet',
        label('FERPA'),
        plain(
          ferpa === 'Yes'
            ? 'I waive my right to see this letter.'
            : ferpa === 'No'
              ? 'I do not waive my right to see this letter.'
              : 'I have not decided whether to waive my right to see this letter.',
        ),
      ),
    ],
  };

  const items = [
    ...COMPETENCIES.map((c) => ({ heading: c.title, id: `competency.${c.id}` as const })),
    { heading: 'Procedures', id: 'highlights.procedures' as const },
    { heading: 'Presentations', id: 'highlights.presentations' as const },
    { heading: 'Feedback', id: 'highlights.feedback' as const },
  ]
    .map((x) => ({ ...x, text: answerAsTyped(answers[x.id]) }))
    .filter((x) => x.text !== '' || x.id.startsWith('competency.'));

  const bullet = (
    x: (typeof items)[number],
    cap: number,
    asked: OpenQuestionDraft<SummarySectionId>[],
  ): Paragraph => {
    if (x.text === '') return para('bullet', label(x.heading), markedRun('no example given'));
    const { kept, cut } = trimForSummary(x.text, cap - x.heading.length - 2);
    if (!cut) return para('bullet', label(x.heading), plain(kept));
    asked.push({
      sectionId: x.id.startsWith('competency.') ? 'examples' : 'highlights',
      kind: 'length',
      // The label is unique within its block; the note's word count need not be.
      quote: `${x.heading}:`,
      question: `Cut to keep the summary on one page: “${cut}”`,
    });
    return para(
      'bullet',
      label(x.heading),
      plain(`${kept} `),
      markedRun(`+${(cut.match(/\S+/g) ?? []).length} words in the comment`),
    );
  };

  // Fit one page: share the space left by the fixed parts, then tighten until the estimate fits.
  const lineCount = (ps: readonly Paragraph[]) =>
    ps.reduce(
      (n, p) =>
        n + Math.max(1, Math.ceil(p.runs.reduce((m, r) => m + r.text.length, 0) / budget.charsPerLine)) + 0.4,
      0,
    );
  const fixedLines = lineCount([...title.paragraphs, ...facts.paragraphs]) + 2 * 1.4 + 2;
  const needs = items.map((x) => x.heading.length + 2 + x.text.length);
  let pool = (budget.lines - fixedLines - items.length * 0.4) * budget.charsPerLine;
  let bullets: Paragraph[] = [];
  let asked: OpenQuestionDraft<SummarySectionId>[] = [];
  for (let round = 0; round < 8; round++) {
    const caps = shareBudget(needs, pool);
    asked = [];
    bullets = items.map((x, i) => bullet(x, caps[i]!, asked));
    const over = fixedLines + lineCount(bullets) - budget.lines;
    if (over <= 0) break;
    pool -= Math.max(1, over) * budget.charsPerLine;
  }
  questions.push(...asked);

  const examples: Block<SummarySectionId> = {
    sectionId: 'examples',
    answerIds: items.filter((x) => x.id.startsWith('competency.')).map((x) => x.id),
    paragraphs: [
      para('heading', plain('One example per competency, in my words')),
      ...bullets.filter((_, i) => items[i]!.id.startsWith('competency.')),
    ],
  };
  const highlightItems = items
    .map((x, i) => ({ x, p: bullets[i]! }))
    .filter(({ x }) => !x.id.startsWith('competency.'));
  const highlights: Block<SummarySectionId>[] =
    highlightItems.length > 0
      ? [
          {
            sectionId: 'highlights',
            answerIds: highlightItems.map(({ x }) => x.id),
            paragraphs: [para('heading', plain('Highlights')), ...highlightItems.map(({ p }) => p)],
          },
        ]
      : [];
  const contact: Block<SummarySectionId> = {
    sectionId: 'contact',
    answerIds: ['candidate.email'],
    paragraphs: [
      para(
        'body',
        plain(
          `Thank you for writing on my behalf. You can reach me at ${line('candidate.email') || 'the email on my order'}.`,
        ),
      ),
    ],
  };
  return createDocumentModel(
    'summary',
    `Clinical experience summary — ${people.fullName}`,
    [title, facts, examples, ...highlights, contact],
    questions,
  );
}
