import fc from 'fast-check';
import { COMPETENCIES } from '../../../src/core/competencies';
import { MAX_QUESTION_LENGTH } from '../../../src/core/editing-session';
import {
  CUT_TEXT_PER_QUESTION,
  chunkAtSentences,
  composeLetter,
  shareBudget,
  trimAtSentence,
} from '../../../src/core/letter/compose';
import { blockOf, MARK_CLOSE, MARK_OPEN, paragraphText } from '../../../src/core/letter/model';
import { splitSentences } from '../../../src/core/letter/point-of-view';
import type { Answers } from '../../../src/core/questionnaire';
import { exampleAnswers, exampleNames, rawExample } from '../../examples/example-answers';

const ORDER = [
  'letterhead',
  'date',
  'salutation',
  'relationship',
  ...COMPETENCIES.map((c) => c.id),
  'highlights',
  'comparison',
  'closing',
  'signature',
];

const unmarked = (text: string) => text.replace(/⟦[^⟧]*⟧/g, '');

describe('composeLetter on every bundled example', () => {
  describe.each(exampleNames())('%s', (name) => {
    const answers = exampleAnswers(name);
    const model = composeLetter(answers);

    it('has the blocks in letter order, competencies in ACGME order', () => {
      const ids = model.blocks.map((b) => b.sectionId);
      expect(ids).toEqual(ORDER.filter((id) => id !== 'highlights' || ids.includes('highlights')));
      const hasHighlights = ['highlights.procedures', 'highlights.presentations', 'highlights.feedback'].some(
        (id) => answers[id as keyof Answers] !== undefined,
      );
      expect(ids.includes('highlights')).toBe(hasHighlights);
    });

    it('lays out blocks contiguously over the whole text', () => {
      let at = 0;
      for (const b of model.blocks) {
        expect(b.range.start).toBe(at);
        const text = b.paragraphs.map((p) => `${paragraphText(p)}\n`).join('');
        expect(model.text.slice(b.range.start, b.range.end)).toBe(text);
        at = b.range.end;
      }
      expect(at).toBe(model.text.length);
    });

    it('ties each open question to a verbatim passage in its own block', () => {
      for (const q of model.openQuestions) {
        const block = blockOf(model, q.sectionId)!;
        expect(model.text.slice(q.range.start, q.range.end)).toBe(q.quote);
        expect(q.range.start).toBeGreaterThanOrEqual(block.range.start);
        expect(q.range.end).toBeLessThan(block.range.end);
        expect(q.quote).not.toContain('\n');
      }
      expect(new Set(model.openQuestions.map((q) => q.id)).size).toBe(model.openQuestions.length);
    });

    it('always leaves the comparison to the recommender, marked, with a question', () => {
      const block = blockOf(model, 'comparison')!;
      expect(block.paragraphs[0]!.runs.every((r) => r.marked)).toBe(true);
      expect(model.openQuestions.filter((q) => q.kind === 'comparison')).toHaveLength(1);
    });

    it('leaves the date for the signing day, after the rotation ends', () => {
      const end = answers['rotation.end']!;
      const q = model.openQuestions.find((x) => x.sectionId === 'date')!;
      expect(q.quote.startsWith(MARK_OPEN)).toBe(true);
      const month = new Date(`${end}T00:00:00Z`).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
      expect(q.question).toContain(`after ${month} ${Number(end.slice(8))}, ${end.slice(0, 4)}`);
    });

    it('names the specialty, the state in full, and the dates written out', () => {
      const rel = paragraphText(blockOf(model, 'relationship')!.paragraphs[0]!);
      expect(rel).toContain(`residency training in ${answers['candidate.specialty']}`);
      expect(rel).not.toMatch(new RegExp(`, ${answers['rotation.state']!.toUpperCase()},`));
      expect(rel).toMatch(
        /from (January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2} to /,
      );
      const closing = paragraphText(blockOf(model, 'closing')!.paragraphs[0]!);
      expect(closing).toMatch(/^I give .+ my highest recommendation for residency in /);
      expect(closing).toContain(answers['recommender.email']!);
    });

    it('converts the candidate’s first person everywhere outside marked passages', () => {
      for (const c of COMPETENCIES) {
        const text = unmarked(paragraphText(blockOf(model, c.id)!.paragraphs[0]!));
        // "I", "me" and "my" may only mean the recommender now, and only where the recommender was meant:
        // none of the examples' competency answers leave a candidate "I'm"/"I've"/"myself".
        expect(text).not.toMatch(/\b(I’m|I'm|I’ve|I've|myself)\b/);
      }
      expect(model.text).toContain(answers['candidate.preferredName'] ?? answers['candidate.fullName']!);
    });

    it('carries no carriage returns or control characters into the text', () => {
      expect(model.text).not.toMatch(/[\r\u0000-\u0008\u000B-\u001F]/);
    });
  });
});

describe('composeLetter: the example letter (Rosa Delgado)', () => {
  const model = composeLetter(exampleAnswers('rosa-delgado'));
  const text = (id: Parameters<typeof blockOf>[1]) =>
    blockOf(model, id)!.paragraphs.map(paragraphText).join('\n');

  it('writes the relationship paragraph from the answers', () => {
    expect(text('relationship')).toBe(
      'It is my pleasure to recommend Dr. Rosa Delgado, a 2023 graduate of Universidad Central de Venezuela, for residency training in Internal Medicine. I supervised Dr. Delgado during her four-week inpatient Internal Medicine externship at Harborview Community Hospital in Seattle, Washington, from March 2 to March 27, 2026, and worked with her about 45 hours each week. I was her attending on the teaching service. She presented to me every morning.',
    );
  });

  it('turns "the attending’s questions" into "my questions" and asks Dr. Chen to confirm', () => {
    expect(text('medicalKnowledge')).toBe(
      'Medical Knowledge. Dr. Delgado answered my questions on the mechanism of vancomycin nephrotoxicity and later gave a ten-minute talk on AKI staging.',
    );
    const q = model.openQuestions.find((x) => x.sectionId === 'medicalKnowledge')!;
    expect(q.kind).toBe('recommender');
    expect(q.question).toContain('Dr. Chen, please confirm');
  });

  it('uses "Dr. Delgado" first in each section, then she/her', () => {
    expect(text('patientCare')).toBe(
      'Patient Care. Dr. Delgado followed a 58-year-old man with cellulitis who developed new hypotension on day two. She recognized early sepsis, started the sepsis bundle with her resident, and re-examined him every hour until his pressures recovered.',
    );
  });

  it('has the letterhead, salutation, closing and signature', () => {
    expect(text('letterhead')).toBe(
      'Michael Chen, MD\nClinical Associate Professor of Medicine · Harborview Community Hospital\nmchen@example.org · (206) 555-0188',
    );
    expect(text('salutation')).toBe('Dear Program Director:');
    expect(text('closing')).toBe(
      'I give Dr. Delgado my highest recommendation for residency in Internal Medicine. Please contact me at mchen@example.org or (206) 555-0188 if I can tell you more.',
    );
    expect(text('signature')).toBe(
      'Sincerely,\nMichael Chen, MD\nClinical Associate Professor of Medicine\nHarborview Community Hospital',
    );
    expect(text('comparison')).toBe(
      '⟦Comparison — for Dr. Chen to choose: “Among the [number] students and graduates I have supervised over [years] years, Dr. Delgado ranks in the top [5 / 10 / 25]%.”⟧',
    );
  });

  it('prints a given letter date, and questions one before the rotation ends', () => {
    expect(text('date')).toBe('⟦date of signing⟧');
    const dated = composeLetter(exampleAnswers('rosa-delgado'), { letterDate: '2026-04-02' });
    expect(blockOf(dated, 'date')!.paragraphs.map(paragraphText)).toEqual(['April 2, 2026']);
    expect(dated.openQuestions.some((q) => q.sectionId === 'date')).toBe(false);
    const early = composeLetter(exampleAnswers('rosa-delgado'), { letterDate: '2026-03-20' });
    expect(early.openQuestions.find((q) => q.sectionId === 'date')?.question).toMatch(
      /before the rotation ends/,
    );
  });
});

describe('composeLetter: missing facts, pronouns, names and text', () => {
  it('states the length of a short rotation in days, and of a longer one in rounded weeks', () => {
    const base = exampleAnswers('rosa-delgado');
    const short = composeLetter({ ...base, 'rotation.start': '2026-03-02', 'rotation.end': '2026-03-04' });
    expect(short.text).toContain('during her three-day inpatient');
    const long = composeLetter({ ...base, 'rotation.start': '2026-03-02', 'rotation.end': '2026-04-24' });
    expect(long.text).toContain('during her eight-week inpatient');
  });

  it('marks missing optional facts and asks for them (Noah Lindqvist: no phone, no hours)', () => {
    const model = composeLetter(exampleAnswers('noah-lindqvist'));
    const missing = model.openQuestions.filter((q) => q.kind === 'missing');
    expect(missing.map((q) => q.quote)).toEqual(['⟦phone number⟧', '⟦number⟧']);
    expect(model.text).toContain('about ⟦number⟧ hours each week');
    expect(paragraphText(blockOf(model, 'closing')!.paragraphs[0]!)).toContain(
      'Please contact me at gwhitaker@example.org if',
    );
    // No preferred name: the full name every time; no highlights answered: no highlights section.
    expect(model.text).toContain('I give Noah Lindqvist my highest recommendation');
    expect(blockOf(model, 'highlights')).toBeUndefined();
  });

  it('declines the candidate’s neopronoun set (ze/hir) after the first mention', () => {
    const model = composeLetter(exampleAnswers('hannah-kowalczyk'));
    const rel = paragraphText(blockOf(model, 'relationship')!.paragraphs[0]!);
    expect(rel).toContain('I supervised Mx. Kowalczyk during hir four-week');
    expect(rel).toContain('worked with hir about 60 hours');
    expect(rel).toContain('Ze worked with me on nights');
    // Never a pronoun the candidate did not give.
    expect(unmarked(model.text)).not.toMatch(/\b(?:he|him|his|they|them|their|zir|xe)\b/i);
  });

  it('uses the name only, never a pronoun, for a set the rules cannot decline (fae/faer)', () => {
    const model = composeLetter({ ...exampleAnswers('hannah-kowalczyk'), 'candidate.pronouns': 'fae/faer' });
    const rel = paragraphText(blockOf(model, 'relationship')!.paragraphs[0]!);
    expect(rel).toContain('I supervised Mx. Kowalczyk during the four-week');
    expect(rel).toContain('and we worked together about 60 hours');
    expect(unmarked(model.text)).not.toMatch(/\b(?:ze|hir|fae|faer)\b/i);
  });

  it('names the patient’s "he" when the candidate is "he" too and the answer introduced one man (Daniel Whitfield)', () => {
    const model = composeLetter(exampleAnswers('daniel-whitfield'));
    const sentence =
      'I called Dr. Marsh to the bedside and the cath lab was activated within minutes; he had a circumflex occlusion opened the same hour.';
    expect(model.text).not.toContain(sentence);
    // The recommender becomes "me"; the "he" who had the occlusion is the patient, named.
    expect(model.text).toContain(
      'Mr. Whitfield called me to the bedside and the cath lab was activated within minutes; the patient had a circumflex occlusion opened the same hour.',
    );
    expect(model.openQuestions.some((q) => q.quote.includes('circumflex'))).toBe(false);
  });

  it('leaves Aisha Rahman’s sentence about her answer out of the letter, with a comment, and names the patient', () => {
    const model = composeLetter(exampleAnswers('aisha-rahman'));
    const sentence =
      'I want to describe one patient in detail because she shaped how I think about surgical care.';
    expect(model.text).not.toContain(sentence);
    expect(model.text).not.toContain('wants to describe');
    expect(model.text).toContain(
      'Patient Care. The patient was a 71-year-old woman who came to the emergency',
    );
    const question = model.openQuestions.find((q) => q.question.includes(sentence));
    expect(question?.kind).toBe('pointOfView');
    expect(question?.quote).toMatch(/^The patient was a 71-year-old woman/);
  });

  it('names the candidate next to someone else’s "him" or "his" instead of keeping the sentence', () => {
    const daniel = composeLetter(exampleAnswers('daniel-whitfield')).text;
    expect(daniel).toContain(
      'His ECG looked normal to the triage nurse, but Mr. Whitfield noticed subtle ST depression in V1 to V3 and got a posterior ECG, which showed a posterior STEMI.',
    );
    expect(daniel).toContain(
      'Mr. Whitfield sat down with him, explained why a trauma patient had come first, gave him a realistic time, and checked back every thirty minutes.',
    );
    // The father's "He" as subject, with the candidate in the sentence, is still left to the writer.
    expect(daniel).toContain(
      `${MARK_OPEN}He thanked me when I repaired the laceration myself under supervision.${MARK_CLOSE}`,
    );
    const kwame = composeLetter(exampleAnswers('kwame-mensah-boateng')).text;
    expect(kwame).toContain(
      'Dr. Mensah-Boateng counseled a patient who refused statins because his brother had muscle pain on one. Dr. Mensah-Boateng listened to his concerns, explained his own risk with the ASCVD calculator, and offered a low dose to start.',
    );
    // The patient and his brother are both "he": the pronoun stays, unmarked, with a comment for the writer.
    const kwameModel = composeLetter(exampleAnswers('kwame-mensah-boateng'));
    expect(kwame).toContain('offered a low dose to start. He agreed to try it and came back in a month.');
    expect(
      kwameModel.openQuestions.find((q) => q.quote === 'He agreed to try it and came back in a month.')
        ?.question,
    ).toContain('Make sure a reader can tell who “He” is');
  });

  it('uses they/them with plural verbs', () => {
    const model = composeLetter(exampleAnswers('jordan-reyes-park'));
    expect(model.text).toContain('They were the first to notice');
    expect(model.text).toContain('and worked with them about 55 hours each week');
  });

  it('keeps diacritics and writes territories out', () => {
    const model = composeLetter(exampleAnswers('jose-nunez-overgaard'));
    expect(model.text).toContain('Dr. José Ñúñez-Øvergaard');
    expect(model.text).toContain('in San Juan, Puerto Rico, from January 12 to February 20, 2026');
    expect(model.text).toContain('Dr. Colón Rivera');
  });

  it('drops the emoji of the answers from the letter and joins CRLF lines', () => {
    const model = composeLetter(exampleAnswers('hannah-kowalczyk'));
    for (const emoji of ['🏥', '🤰', '👶']) expect(model.text).not.toContain(emoji);
    expect(model.text).toContain('She delivered a healthy baby girl the next morning.');
    expect(model.text).toContain('attending on hir team.');
    expect(model.text).not.toContain('\r');
    expect(model.openQuestions.filter((q) => q.kind === 'style')).toHaveLength(0);
  });

  it('asks the writer to remove emoji that reach the letter through a field it does not clean', () => {
    const answers = {
      ...exampleAnswers('hannah-kowalczyk'),
      'recommender.institution': 'Prairie Regional 🏥',
    };
    const style = composeLetter(answers).openQuestions.filter((q) => q.kind === 'style');
    expect(style).toHaveLength(1);
    expect(style[0]!.question).toContain('🏥');
  });

  it('condenses a very long answer, marks the cut, and quotes every sentence it left out, in order', () => {
    const answers = exampleAnswers('aisha-rahman');
    const model = composeLetter(answers);
    const parts = model.openQuestions.filter((x) => x.kind === 'length');
    expect(parts.length).toBeGreaterThan(0);
    for (const q of parts) expect(q.sectionId).toBe('patientCare');
    const source = answers['competency.patientCare']!;
    const sentences = splitSentences(source.replace(/\s+/g, ' ')).map((s) => s.trim());
    // The cut text, spread over the questions in order, is the answer's sentences the section left out.
    const cut = parts.map((q) => /“([\s\S]*)” Choose/.exec(q.question)![1]!).join(' ');
    const cutWords = Number(/^(\d+) more words/.exec(parts[0]!.quote)?.[1]);
    expect(cutWords).toBe(cut.split(/\s+/).length);
    const left = sentences.filter((s) => cut.includes(s));
    expect(left.join(' ')).toBe(cut);
    expect(left.length).toBeGreaterThan(sentences.length / 2);
    // What stays is the story's opening and its outcome; the section is a third of a page, not two.
    const section = paragraphText(blockOf(model, 'patientCare')!.paragraphs[0]!);
    expect(section).toContain('71-year-old woman');
    expect(section.replace(/⟦\d+ more words[^⟧]*⟧/, '').split(/\s+/).length).toBeLessThanOrEqual(180);
    expect(paragraphText(blockOf(model, 'patientCare')!.paragraphs[0]!)).toContain(MARK_CLOSE);
  });

  it('never trims when the answers fit', () => {
    for (const name of exampleNames().filter((n) => n !== 'aisha-rahman')) {
      expect(composeLetter(exampleAnswers(name)).openQuestions.filter((q) => q.kind === 'length')).toEqual(
        [],
      );
    }
  });

  it('turns unusable input into placeholders and questions, never an exception', () => {
    const model = composeLetter({});
    expect(model.text).toContain('⟦example for Patient Care.⟧');
    expect(model.text).toContain('⟦rotation dates⟧');
    expect(model.openQuestions.length).toBeGreaterThan(8);
    const bad = composeLetter({
      ...exampleAnswers('rosa-delgado'),
      'rotation.state': 'XX',
      'rotation.end': '2026-02-01',
    });
    expect(bad.openQuestions.map((q) => q.kind)).toEqual(expect.arrayContaining(['check', 'date']));
  });

  it('composes any subset of an example’s answers without losing a question’s anchor', () => {
    const raw = exampleAnswers('daniel-whitfield');
    const keys = Object.keys(raw) as (keyof Answers)[];
    fc.assert(
      fc.property(
        fc.subarray(keys),
        fc.constantFrom('she/her', 'he/him', 'they/them', 'xe/xem'),
        (subset, p) => {
          const answers = Object.fromEntries(subset.map((k) => [k, raw[k]])) as Answers;
          const model = composeLetter({ ...answers, 'candidate.pronouns': p });
          for (const q of model.openQuestions)
            expect(model.text.slice(q.range.start, q.range.end)).toBe(q.quote);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('length budget helpers', () => {
  it('shareBudget leaves short sections whole and splits the rest evenly', () => {
    expect(shareBudget([100, 200], 1000)).toEqual([Infinity, Infinity]);
    expect(shareBudget([100, 2000, 3000], 1100)).toEqual([Infinity, 500, 500]);
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { minLength: 1, maxLength: 8 }), fc.nat(20000), (needs, pool) => {
        const caps = shareBudget(needs, pool);
        const used = needs.reduce((sum, n, i) => sum + Math.min(n, caps[i]!), 0);
        if (needs.reduce((a, b) => a + b, 0) > pool) expect(used).toBeLessThanOrEqual(pool);
        else expect(caps.every((c) => c === Infinity)).toBe(true);
      }),
    );
  });

  it('trimAtSentence keeps whole sentences, at least one, and loses nothing', () => {
    const text = 'One two three. Four five six. Seven eight nine.';
    expect(trimAtSentence(text, 30)).toEqual({
      kept: 'One two three. Four five six.',
      cut: 'Seven eight nine.',
    });
    expect(trimAtSentence(text, 3)).toEqual({
      kept: 'One two three.',
      cut: 'Four five six. Seven eight nine.',
    });
    expect(trimAtSentence(text, 999)).toEqual({ kept: text, cut: '' });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Word', 'more.', 'Dr. Lee', 'went!', 'x'), { maxLength: 40 }),
        fc.nat(200),
        (w, cap) => {
          const source = w.join(' ');
          const { kept, cut } = trimAtSentence(source, cap);
          expect([kept, cut].filter(Boolean).join(' ')).toBe(source.trim());
        },
      ),
    );
  });
});

describe('long answers and comment length', () => {
  it('chunkAtSentences keeps every character but spaces, in order, in pieces no longer than the limit', () => {
    expect(chunkAtSentences('One two. Three four. Five.', 10)).toEqual([
      'One two.',
      'Three',
      'four.',
      'Five.',
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Word', 'more.', 'Dr. Lee', 'went!', 'x', 'a'.repeat(70)), {
          maxLength: 80,
        }),
        fc.integer({ min: 20, max: 300 }),
        (w, max) => {
          const source = w.join(' ');
          const parts = chunkAtSentences(source, max);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(max);
          // Only whitespace between pieces may change; a word longer than the limit is split inside.
          expect(parts.join('').replace(/\s+/g, '')).toBe(source.replace(/\s+/g, ''));
        },
      ),
    );
  });

  it('no open question is too long for a comment thread, and the cut text is all in the questions', () => {
    // A 5,000-character answer with no room: the cut part must be spread over several questions.
    const base = exampleAnswers('aisha-rahman');
    // Distinct sentences: the composer drops a sentence pasted twice, so a repeated one would not be long.
    const sentence = (day: number) =>
      `I examined the patient again on day ${day} and wrote down every change in her breathing. `;
    const long = Array.from({ length: Math.floor(5000 / sentence(10).length) }, (_, i) => sentence(i + 1))
      .join('')
      .trim();
    const answers: Answers = { ...base, 'competency.patientCare': long, 'competency.professionalism': long };
    const letter = composeLetter(answers, { letterDate: '2026-12-01' });
    const lengthQuestions = letter.openQuestions.filter((q) => q.kind === 'length');
    expect(lengthQuestions.length).toBeGreaterThan(1);
    for (const q of letter.openQuestions) expect(q.question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
    expect(CUT_TEXT_PER_QUESTION).toBeLessThan(MAX_QUESTION_LENGTH - 400);
    for (const name of exampleNames()) {
      for (const q of composeLetter(exampleAnswers(name), { letterDate: '2026-12-01' }).openQuestions) {
        expect([name, q.question.length <= MAX_QUESTION_LENGTH]).toEqual([name, true]);
      }
    }
  });
});

describe('composeLetter: answers typed as bullet notes', () => {
  const answers: Answers = {
    ...exampleAnswers('aisha-rahman'),
    'recommender.relationship': '- attending on gen surg\n- scrubbed w/ him 3x/wk',
    'competency.patientCare':
      '- 6 pts/day\n- 67M POD2 s/p colectomy -> CT -> leak\n- examined him q4h overnight\n- on time every day 5am',
    'highlights.procedures': '- lap port closure x12\n- drain removal x5',
    'highlights.presentations': '- M&M: anastomotic leak',
    'highlights.feedback': '- Dr. Okonkwo: "hardest worker on the team"',
  };
  const model = composeLetter(answers);
  const section = (id: 'relationship' | 'patientCare' | 'highlights') =>
    blockOf(model, id)!
      .paragraphs.map((p) => paragraphText(p))
      .join(' ');

  it('finishes the clause bullets in the physician’s voice and marks each run of notes as typed', () => {
    expect(section('patientCare')).toBe(
      'Patient Care. ⟦67M POD2 s/p colectomy -> CT -> leak.⟧ Dr. Rahman examined him every four hours overnight. ⟦On time every day 5am.⟧',
    );
    // "6 pts/day" restates the questionnaire's patients a day, which the first paragraph already gives.
    expect(model.openQuestions.find((q) => q.quote === 'Patient Care.')?.question).toBe(
      'CEAD left out the candidate’s note “6 pts/day” here, because the first paragraph already says Dr. Rahman followed about six patients each day.',
    );
  });

  it('asks, once per run of notes, for full sentences in session 1', () => {
    const asks = model.openQuestions.filter((q) => q.sectionId === 'patientCare' && q.kind === 'style');
    expect(asks.map((q) => q.quote)).toEqual([
      'Patient Care.',
      '⟦67M POD2 s/p colectomy -> CT -> leak.⟧',
      '⟦On time every day 5am.⟧',
    ]);
    expect(asks[1]!.question).toMatch(
      /notes here, not sentences\. In session 1, ask Dr\. Rahman to write them as full sentences/,
    );
  });

  it('writes a relationship fragment as the recommender’s sentence', () => {
    expect(section('relationship')).toContain(
      'I was her attending on general surgery. She scrubbed with me three times a week.',
    );
  });

  it('writes the highlights as sentences: counted procedures, a presentation, the recommender’s praise', () => {
    expect(section('highlights')).toBe(
      'Highlights. Dr. Rahman performed or assisted with twelve laparoscopic port closures and five drain removals. She also presented an M&M on anastomotic leak. She was the hardest worker on the team.',
    );
  });
});

describe('example answers used here are the bundled files', () => {
  it('reads the CRLF example with its CRLF', () => {
    expect(rawExample('hannah-kowalczyk')['competency.patientCare']).toContain('\r\n');
  });
});
