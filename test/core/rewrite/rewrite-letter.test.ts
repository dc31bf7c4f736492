import { readFileSync } from 'node:fs';
import { parseAnswersJson } from '../../../src/core/answers';
import { composeLetter } from '../../../src/core/letter/compose';
import type { Rewriter } from '../../../src/core/ports';
import {
  type RewriteReply,
  type RewriteRequest,
  readGenerateContent,
} from '../../../src/core/rewrite/generate-content';
import {
  modelRewriteSummary,
  rewriteLetter,
  withAcceptedRewrite,
} from '../../../src/core/rewrite/rewrite-letter';

const raw = JSON.parse(readFileSync('examples/answers/rosa-delgado.json', 'utf8'));
const consenting = parseAnswersJson({ ...raw, 'consent.modelAssist': 'Yes' }).answers;
const letter = composeLetter(consenting, { letterDate: '2026-08-10' });

const FAITHFUL =
  'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';

/** A Rewriter that answers from a script per call, counts calls, and keeps what it was sent. */
function scripted(script: (request: RewriteRequest, call: number) => RewriteReply): Rewriter & {
  requests: RewriteRequest[];
} {
  const requests: RewriteRequest[] = [];
  return {
    model: 'gemini-test',
    requests,
    rewrite(request) {
      requests.push(request);
      return script(request, requests.length);
    },
  };
}

const only = { sections: ['systemsBasedPractice' as const] };

describe('rewriteLetter', () => {
  it('sends nothing without consent, with a No, or with the switch off', () => {
    const rewriter = scripted(() => ({ kind: 'text', text: FAITHFUL }));
    for (const answers of [
      parseAnswersJson(raw).answers,
      parseAnswersJson({ ...raw, 'consent.modelAssist': 'No' }).answers,
    ]) {
      const r = rewriteLetter(composeLetter(answers, {}), answers, { rewriter });
      expect(r.sections).toEqual([]);
    }
    expect(rewriter.requests).toHaveLength(0);
    const off = rewriteLetter(letter, consenting, {});
    expect(off.model).toBe(letter);
  });

  it('puts an accepted rewrite in place, with one call and a comment quoting the rule text', () => {
    const rewriter = scripted(() => ({ kind: 'text', text: FAITHFUL }));
    const r = rewriteLetter(letter, consenting, { rewriter, ...only });
    expect(rewriter.requests).toHaveLength(1);
    expect(r.sections[0]).toMatchObject({ status: 'rewritten', calls: 1, model: 'gemini-test' });
    expect(r.model.text).toContain(`Systems-Based Practice. ${FAITHFUL}`);
    const q = r.model.openQuestions.find((x) => x.sectionId === 'systemsBasedPractice')!;
    expect(q.question).toMatch(
      /gemini-test rewrote Systems-Based Practice.*The rule-based text was: “Dr. Delgado found/,
    );
  });

  it('sends only the section’s own answer and the facts it needs', () => {
    const rewriter = scripted(() => ({ kind: 'text', text: FAITHFUL }));
    rewriteLetter(letter, consenting, { rewriter });
    expect(rewriter.requests.length).toBeGreaterThan(1);
    for (const req of rewriter.requests) {
      const sent = req.system + req.user;
      expect(sent).not.toContain(String(raw['candidate.email']));
      expect(sent).not.toContain(String(raw['recommender.phone']));
      const others = Object.keys(raw).filter(
        (k) => k.startsWith('competency.') && !k.endsWith(req.sectionId),
      );
      for (const k of others) expect(sent).not.toContain(String(raw[k]).slice(0, 40));
    }
  });

  it('keeps the rule text and says why when the guard refuses', () => {
    const rewriter = scripted(() => ({
      kind: 'text',
      text: FAITHFUL.replace('the rest of the month', 'the rest of the year, the best fix I have seen'),
    }));
    const r = rewriteLetter(letter, consenting, { rewriter, ...only });
    expect(r.sections[0]!.status).toBe('refused');
    expect(r.model.text).toBe(letter.text);
    const q = r.model.openQuestions.find((x) => x.sectionId === 'systemsBasedPractice')!;
    expect(q.question).toMatch(
      /kept the rule-based Systems-Based Practice section: the model’s rewrite was refused/,
    );
  });

  it('retries a time-out or a 429 once, then keeps the rule text with a comment; never throws', () => {
    for (const [message, why] of [
      ['Request timed out after 30000 ms', 'did not answer in time'],
      ['HTTP 429: RESOURCE_EXHAUSTED', 'quota is used up'],
    ] as const) {
      const sleeps: number[] = [];
      const rewriter = scripted(() => {
        throw new Error(message);
      });
      const r = rewriteLetter(letter, consenting, { rewriter, ...only, sleep: (ms) => sleeps.push(ms) });
      expect(rewriter.requests).toHaveLength(2);
      expect(sleeps).toEqual([1000]);
      expect(r.sections[0]).toMatchObject({ status: 'failed', calls: 2 });
      expect(r.model.text).toBe(letter.text);
      expect(r.model.openQuestions.map((q) => q.question).join()).toContain(why);
    }
  });

  it('recovers when the retry answers, and does not retry a bad request', () => {
    const flaky = scripted((_, call) => {
      if (call === 1) throw new Error('HTTP 503 service unavailable');
      return { kind: 'text', text: FAITHFUL };
    });
    expect(rewriteLetter(letter, consenting, { rewriter: flaky, ...only }).sections[0]!.status).toBe(
      'rewritten',
    );
    const bad = scripted(() => {
      throw new Error('HTTP 400: API key not valid');
    });
    const r = rewriteLetter(letter, consenting, { rewriter: bad, ...only });
    expect(bad.requests).toHaveLength(1);
    expect(r.sections[0]).toMatchObject({ status: 'failed', detail: 'error' });
  });

  it('keeps the rule text for a refusal and for a response in the wrong shape', () => {
    for (const [json, why] of [
      [{ candidates: [{ finishReason: 'SAFETY' }] }, 'declined to answer'],
      [{ promptFeedback: { blockReason: 'OTHER' } }, 'declined to answer'],
      [{ candidates: [{ content: { parts: 'text' } }] }, 'not in the expected shape'],
      [{ choices: [{ message: FAITHFUL }] }, 'not in the expected shape'],
    ] as const) {
      const rewriter = scripted(() => readGenerateContent(json));
      const r = rewriteLetter(letter, consenting, { rewriter, ...only });
      expect(rewriter.requests).toHaveLength(1);
      expect(r.model.text).toBe(letter.text);
      expect(r.model.openQuestions.map((q) => q.question).join()).toContain(why);
    }
  });
});

describe('the tracker’s Model rewrite cell', () => {
  it('says when, with which model and prompt, and what became of each section, in ids only', () => {
    let call = 0;
    const rewriter = scripted((request) => {
      call++;
      if (request.user.includes('Systems-Based Practice')) return { kind: 'text', text: FAITHFUL };
      if (call === 1) return { kind: 'text', text: `${FAITHFUL} She was the best resident I have seen.` };
      throw new Error('HTTP 429: RESOURCE_EXHAUSTED');
    });
    const r = rewriteLetter(letter, consenting, { rewriter, maxAttempts: 1 });
    const cell = modelRewriteSummary('2026-08-10', r.sections);
    const kept = r.sections.filter((x) => x.status !== 'rewritten');
    expect(kept.length).toBeGreaterThan(0);
    expect(cell).toBe(
      `2026-08-10 gemini-test (prompt lor-section/2): rewrote systemsBasedPractice; kept ${kept
        .map((x) => `${x.sectionId} (${x.status === 'refused' ? 'refused by the guard' : 'quota'})`)
        .join(', ')}`,
    );
    expect(cell).not.toMatch(/Delgado|heart failure/);
    expect(modelRewriteSummary('2026-08-10', [])).toBe('');
  });

  it('appends a sidebar acceptance to what intake recorded', () => {
    expect(withAcceptedRewrite('', '2026-08-12', 'gemini-test', 'professionalism')).toBe(
      '2026-08-12 gemini-test (prompt lor-section/2): professionalism accepted in the sidebar',
    );
    expect(
      withAcceptedRewrite(
        '2026-08-10 gemini-test (prompt lor-section/2): rewrote nothing',
        '2026-08-12',
        'm',
        'patientCare',
      ),
    ).toBe(
      '2026-08-10 gemini-test (prompt lor-section/2): rewrote nothing | 2026-08-12 m (prompt lor-section/2): patientCare accepted in the sidebar',
    );
  });
});

describe('readGenerateContent', () => {
  it('reads the first candidate’s text parts, leaving out thoughts', () => {
    expect(
      readGenerateContent({
        candidates: [
          {
            content: { role: 'model', parts: [{ text: 'x', thought: true }, { text: ' Hello ' }] },
            finishReason: 'STOP',
          },
        ],
      }),
    ).toEqual({ kind: 'text', text: 'Hello' });
    expect(
      readGenerateContent({
        candidates: [{ finishReason: 'MAX_TOKENS', content: { parts: [{ text: 'cut' }] } }],
      }).kind,
    ).toBe('malformed');
    expect(readGenerateContent('nope').kind).toBe('malformed');
  });
});
