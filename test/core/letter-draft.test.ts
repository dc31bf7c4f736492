/**
 * Intake with the real drafter (the composed letter, its Docs requests and its open questions) over the
 * in-memory ports: every bundled example becomes a draft, with one thread per open question. The other
 * intake tests use a small test drafter; this one catches a letter that the session rules would refuse
 * (a question too long for a comment, say), which would send a real order to ERROR.
 */
import { parseAnswerRecord } from '../../src/core/answers';
import { DEFAULT_RETRY, processResponse } from '../../src/core/intake';
import { draftLetter } from '../../src/core/letter-draft';
import { orderIdFor } from '../../src/core/orders';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import { exampleNames } from '../examples/example-answers';
import { backOffice, rawFromExample } from './back-office-ports';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [{ name: 'Ana Writer', email: 'ana@cead-team.example', roles: ['writer'] }],
};

describe('intake with the real drafter', () => {
  it.each(exampleNames())('%s becomes a draft with one thread per open question', (name) => {
    const b = { ...backOffice(), draft: draftLetter };
    const responseId = `R-${name}`;
    const out = processResponse(
      b,
      { settings: SETTINGS, orders: new Map(), retry: DEFAULT_RETRY },
      {
        responseId,
        timestamp: '2026-11-30T13:55:00.000Z',
        respondentEmail: '',
        editUrl: '',
        raw: rawFromExample(name),
      },
    );
    expect(out).toMatchObject({ status: 'DRAFTING', orderId: orderIdFor(responseId) });
    const threads = b.comments.threads.get(b.docs.docs[0]!.id)!;
    const { answers } = parseAnswerRecord(rawFromExample(name));
    const questions = draftLetter(answers, {
      orderId: orderIdFor(responseId),
      date: '2026-11-30',
    }).openQuestions;
    expect(threads).toHaveLength(questions.length);
    expect(b.orders.rows.get(orderIdFor(responseId))!.openThreads).toBe(threads.length);
    expect(b.docs.docs[0]!.text).toContain('Dear Program Director:');
  });
});
