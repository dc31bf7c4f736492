/**
 * "Suggest rewrite" in the sidebar server: offered only with the team's switch on and the candidate's
 * consent; the proposal goes through the fact guard and waits for the writer; Accept writes only that
 * section and leaves a comment, Reject writes nothing; each leaves a Log line with ids.
 */
import type { RewriteReply, RewriteRequest } from '../../src/core/rewrite/generate-content';
import type { ApiResult } from '../../src/gas/sidebar-api';
import { CANDIDATE, createSidebarWorld, exampleAnswers } from './sidebar-world';

const FAITHFUL =
  'Dr. Delgado found that our patients with heart failure were often discharged without a follow-up appointment, so she made a checklist with the case manager, and the team used it for the rest of the month.';
const SBP = 'systemsBasedPractice';
const CONSENTED = { ...exampleAnswers(), 'consent.modelAssist': 'Yes' };

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected a value, got: ${result.error}`);
  return result.value;
}
function refusal<T>(result: ApiResult<T>): string {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** A model that answers from a script and keeps every request it was sent. */
function scriptedModel(...answers: (RewriteReply | Error)[]) {
  const seen: RewriteRequest[] = [];
  return {
    seen,
    model: 'gemini-2.5-flash',
    rewrite(request: RewriteRequest): RewriteReply {
      seen.push(request);
      const next = answers.shift();
      if (!next) throw new Error('no scripted answer');
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

const sectionText = (w: ReturnType<typeof createSidebarWorld>, id: string) => {
  const r = w.services.structure.namedRanges(w.documentId, `cead:${id}`)[0]!;
  return w.docs.getText(w.documentId).slice(r.startIndex - 1, r.endIndex - 1);
};

describe('Suggest rewrite', () => {
  it('is offered only when the switch is on and the candidate consented, and says why not', () => {
    const off = createSidebarWorld({ answers: CONSENTED });
    expect(value(off.server.getSidebarState()).actions.suggestRewrite).toEqual({
      allowed: false,
      reason: 'Model assist is off in the Settings sheet; a manager can turn it on.',
    });
    const model = scriptedModel();
    const noConsent = createSidebarWorld({ rewriter: model });
    expect(value(noConsent.server.getSidebarState()).actions.suggestRewrite.reason).toBe(
      'The candidate did not agree to a language model helping with the letter.',
    );
    expect(refusal(noConsent.server.suggestRewrite({ sectionId: SBP }))).toMatch(/did not agree/);
    expect(model.seen).toHaveLength(0);
    const on = createSidebarWorld({ answers: CONSENTED, rewriter: model });
    expect(value(on.server.getSidebarState()).actions.suggestRewrite).toEqual({ allowed: true });
  });

  it('proposes a guarded rewrite of one section and writes nothing until the writer accepts', () => {
    const model = scriptedModel({ kind: 'text', text: FAITHFUL });
    const w = createSidebarWorld({ answers: CONSENTED, rewriter: model });
    const before = w.docs.getText(w.documentId);
    const s = value(w.server.suggestRewrite({ sectionId: SBP }));
    expect(s).toMatchObject({ outcome: 'proposed', proposal: FAITHFUL, model: 'gemini-2.5-flash' });
    expect(s.current).toBe(sectionText(w, SBP));
    expect(model.seen).toHaveLength(1);
    expect(model.seen[0]!.user).toContain(CONSENTED['competency.systemsBasedPractice']);
    expect(model.seen[0]!.user).not.toContain(CANDIDATE.email);
    expect(w.docs.getText(w.documentId)).toBe(before);
    expect(w.log.at(-1)).toMatchObject({
      event: 'model-suggest',
      detail: `${SBP}: rewritten (gemini-2.5-flash, prompt lor-section/2, 1 call)`,
    });

    const accepted = value(
      w.server.decideRewrite({
        sectionId: SBP,
        decision: 'accept',
        proposal: s.proposal,
        current: s.current,
      }),
    );
    expect(accepted.message).toMatch(/accepted rewrite/);
    const after = w.docs.getText(w.documentId);
    expect(sectionText(w, SBP)).toBe(`Systems-Based Practice. ${FAITHFUL}`);
    // Everything outside the section is as it was.
    const at = before.indexOf(s.current);
    expect(after.slice(0, at)).toBe(before.slice(0, at));
    expect(after.slice(at + `Systems-Based Practice. ${FAITHFUL}`.length)).toBe(
      before.slice(at + s.current.length),
    );
    expect(w.comments.at(-1)!.text).toMatch(
      /^gemini-2\.5-flash rewrote Systems-Based Practice \(prompt lor-section\/2\)/,
    );
    expect(w.log.at(-1)).toMatchObject({
      event: 'model-suggest-accepted',
      detail: `${SBP} (gemini-2.5-flash, prompt lor-section/2)`,
    });
    const note = value(w.server.getSidebarState()).sections.find((x) => x.sectionId === SBP)!.modelNote;
    expect(note).toMatch(/^Rewritten by gemini-2\.5-flash \(prompt lor-section\/2\) on \d{4}-\d{2}-\d{2}$/);
    // The tracker records it too, under the lock: ids only, after what intake recorded.
    expect(w.order().modelRewrite).toMatch(
      new RegExp(
        `^\\d{4}-\\d{2}-\\d{2} gemini-2\\.5-flash \\(prompt lor-section/2\\): ${SBP} accepted in the sidebar$`,
      ),
    );
    expect(JSON.stringify(w.log)).not.toContain(FAITHFUL.slice(0, 30));
  });

  it('changes nothing on Reject, and logs it', () => {
    const w = createSidebarWorld({
      answers: CONSENTED,
      rewriter: scriptedModel({ kind: 'text', text: FAITHFUL }),
    });
    const before = w.docs.getText(w.documentId);
    const s = value(w.server.suggestRewrite({ sectionId: SBP }));
    value(
      w.server.decideRewrite({
        sectionId: SBP,
        decision: 'reject',
        proposal: s.proposal,
        current: s.current,
      }),
    );
    expect(w.docs.getText(w.documentId)).toBe(before);
    expect(w.comments).toHaveLength(0);
    expect(w.order().modelRewrite).toBe('');
    expect(w.log.at(-1)).toMatchObject({
      event: 'model-suggest-rejected',
      detail: expect.stringContaining(SBP),
    });
  });

  it('shows the guard’s refusals and offers no Accept; a failed call says why', () => {
    const invented = `${FAITHFUL} She was the best extern I have supervised in 20 years.`;
    const model = scriptedModel(
      { kind: 'text', text: invented },
      new Error('HTTP 429: quota'),
      new Error('HTTP 429: quota'),
    );
    const w = createSidebarWorld({ answers: CONSENTED, rewriter: model });
    const refused = value(w.server.suggestRewrite({ sectionId: SBP }));
    expect(refused).toMatchObject({ outcome: 'refused', proposal: '' });
    expect(refused.reasons.join(' ')).toMatch(/20/);
    const failed = value(w.server.suggestRewrite({ sectionId: SBP }));
    expect(failed).toMatchObject({ outcome: 'failed', proposal: '' });
    expect(failed.reasons[0]).toMatch(/quota is used up for now \(HTTP 429\) \(2 calls\)/);
    expect(model.seen).toHaveLength(3);
  });

  it('refuses to write a proposal the guard does not pass, or onto a section edited since', () => {
    const w = createSidebarWorld({
      answers: CONSENTED,
      rewriter: scriptedModel({ kind: 'text', text: FAITHFUL }),
    });
    const s = value(w.server.suggestRewrite({ sectionId: SBP }));
    const before = w.docs.getText(w.documentId);
    const tampered = `${FAITHFUL} She saved 40 lives.`;
    expect(
      refusal(
        w.server.decideRewrite({
          sectionId: SBP,
          decision: 'accept',
          proposal: tampered,
          current: s.current,
        }),
      ),
    ).toMatch(/fact guard does not pass/);
    const r = w.services.structure.namedRanges(w.documentId, `cead:${SBP}`)[0]!;
    w.docs.batchUpdate(
      { requests: [{ insertText: { text: ' (edited)', location: { index: r.endIndex - 1 } } }] },
      w.documentId,
    );
    const edited = w.docs.getText(w.documentId);
    expect(edited).not.toBe(before);
    expect(
      refusal(
        w.server.decideRewrite({
          sectionId: SBP,
          decision: 'accept',
          proposal: s.proposal,
          current: s.current,
        }),
      ),
    ).toMatch(/changed since the suggestion/);
    expect(w.docs.getText(w.documentId)).toBe(edited);
  });
});
