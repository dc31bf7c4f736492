import { composeLetter } from '../../../src/core/letter/compose';
import { escapeHtml, renderHtml } from '../../../src/core/letter/render-html';
import { renderText } from '../../../src/core/letter/render-text';
import { composeSummary } from '../../../src/core/letter/summary';
import { exampleAnswers, exampleNames } from '../../examples/example-answers';

describe('renderText', () => {
  const model = composeLetter(exampleAnswers('rosa-delgado'));

  it('separates blocks by a blank line and keeps each block’s lines together', () => {
    const text = renderText(model);
    expect(text.startsWith('Michael Chen, MD\nClinical Associate Professor of Medicine')).toBe(true);
    expect(text).toContain(
      '(206) 555-0188\n\n⟦date of signing⟧\n\nDear Program Director:\n\nIt is my pleasure',
    );
    expect(
      text.endsWith(
        'Sincerely,\nMichael Chen, MD\nClinical Associate Professor of Medicine\nHarborview Community Hospital\n',
      ),
    ).toBe(true);
    // Same words as the Docs text, only spaced differently.
    expect(text.replace(/\n+/g, '\n')).toBe(model.text);
  });

  it('appends the open questions on request', () => {
    const text = renderText(model, { openQuestions: true });
    expect(text).toContain(`Open questions (${model.openQuestions.length})`);
    for (const q of model.openQuestions) expect(text).toContain(q.question);
  });

  it('writes summary bullets with a bullet mark', () => {
    expect(renderText(composeSummary(exampleAnswers('rosa-delgado')))).toContain(
      '\n• Applying to: Internal Medicine\n',
    );
  });
});

describe('renderHtml', () => {
  it('escapes everything the candidate typed', () => {
    const hostile = {
      ...exampleAnswers('rosa-delgado'),
      'candidate.preferredName': 'Dr. <script>alert(1)</script>',
      'competency.professionalism':
        'I stayed late for the Q&A and wrote "<img src=x onerror=alert(1)>" on the board for the team.',
    };
    const html = renderHtml(composeLetter(hostile));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('Dr. &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Q&amp;A and wrote &quot;&lt;img');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it.each(exampleNames())(
    '%s: highlights marked text and links every open question to its passage',
    (name) => {
      const model = composeLetter(exampleAnswers(name));
      const html = renderHtml(model);
      expect(html.startsWith('<!doctype html>')).toBe(true);
      const marks = (model.text.match(/⟦/g) ?? []).length;
      expect((html.match(/<mark class="cead-marked">/g) ?? []).length).toBeGreaterThanOrEqual(marks);
      for (const q of model.openQuestions) {
        expect(html).toContain(`id="q-${q.id}"`);
        expect(html).toContain(`href="#q-${q.id}"`);
      }
      expect(html).toContain(`<section class="cead-block" data-section="patientCare">`);
    },
  );

  it('renders summary bullets as a list and can leave the questions out', () => {
    const html = renderHtml(composeSummary(exampleAnswers('aisha-rahman')), { openQuestions: false });
    expect(html).toMatch(/<ul><li class="role-bullet">/);
    expect(html).not.toContain('<aside class="cead-questions">');
  });
});
