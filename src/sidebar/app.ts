/**
 * The sidebar controller: holds the model, calls the server, redraws. One request at a time: while a call
 * is out every control is disabled (google.script.run answers out of order, and a second click on "Start
 * session" must not post the questions twice).
 */
import type { StartSessionRequest } from '../gas/sidebar-api';
import { h, replaceChildren } from './dom';
import { formatStatus, plural } from './format';
import type { ServerClient } from './server-client';
import { oneLine } from './server-client';
import {
  checkView,
  emptyModel,
  exportView,
  type Handlers,
  type Model,
  orderView,
  regenerateView,
  sessionsView,
  statusView,
} from './views';

export interface Sidebar {
  readonly model: Model;
  /** Resolves when the first state has been drawn (or refused). */
  readonly ready: Promise<void>;
}

export function startSidebar(root: HTMLElement, server: ServerClient): Sidebar {
  const model = emptyModel();
  const message = h('p', { id: 'message', role: 'status', aria: { live: 'polite' } });
  const controls = h('fieldset', { id: 'controls' });
  replaceChildren(root, h('h1', {}, 'CEAD'), message, controls);

  const say = (text: string, kind: 'info' | 'error' | 'busy' = 'info') => {
    message.textContent = text;
    message.className = kind === 'error' ? 'error' : kind === 'busy' ? 'secondary busy' : '';
  };

  const draw = () => {
    const state = model.state;
    if (!state) {
      replaceChildren(controls, model.fatal ? null : h('p', { class: 'secondary' }, 'Loading the order…'));
      return;
    }
    if (!state.sections.some((s) => s.sectionId === model.regenerateId)) {
      model.regenerateId = state.sections[0]?.sectionId ?? '';
    }
    replaceChildren(
      controls,
      orderView(state),
      statusView(state, handlers),
      checkView(model, state, handlers),
      sessionsView(model, state, handlers),
      regenerateView(model, state, handlers),
      exportView(model, state, handlers),
    );
  };

  let busy = false;
  /** Runs one server call with the controls disabled; a failure becomes the message line. */
  async function act<T>(working: string, call: () => Promise<T>, done: (value: T) => string): Promise<void> {
    if (busy) return;
    busy = true;
    controls.disabled = true;
    root.setAttribute('aria-busy', 'true');
    say(working, 'busy');
    try {
      const value = await call();
      const text = done(value);
      draw();
      say(text);
    } catch (error) {
      draw();
      say(oneLine(error), 'error');
    } finally {
      busy = false;
      controls.disabled = false;
      root.removeAttribute('aria-busy');
    }
  }

  const handlers: Handlers = {
    redraw: draw,
    refresh: () =>
      void act(
        'Refreshing…',
        () => server.getSidebarState(),
        (state) => {
          model.state = state;
          return 'Up to date.';
        },
      ),
    changeStatus: (action) =>
      void act(
        `Moving the order to ${formatStatus(action.to)}…`,
        () => server.changeStatus({ to: action.to }),
        (state) => {
          model.state = state;
          return `Status is now ${formatStatus(state.order.status)}.`;
        },
      ),
    checkLetter: () =>
      void act(
        'Checking the letter…',
        () => server.checkLetter(),
        (check) => {
          model.check = check;
          const ids = new Set(check.findings.map((f) => f.id));
          for (const id of model.chosenFindings) if (!ids.has(id)) model.chosenFindings.delete(id);
          return check.counts.error > 0
            ? `${plural(check.counts.error, 'error')} to fix before the letter can be finalized.`
            : 'No errors.';
        },
      ),
    selectFinding: (finding) =>
      void act(
        'Finding the passage…',
        () => server.selectFinding({ excerpt: finding.excerpt, start: finding.start, end: finding.end }),
        (result) => result.message,
      ),
    startSession: () => {
      const state = model.state;
      if (!state) return;
      const findings = (model.check?.findings ?? []).filter((f) => model.chosenFindings.has(f.id));
      const request: StartSessionRequest = {
        session: state.nextSession,
        openQuestionIds: state.openQuestions.filter((q) => model.chosenQuestions.has(q.id)).map((q) => q.id),
        findings: findings.map((f) => ({ code: f.code, message: f.message, excerpt: f.excerpt })),
        writerQuestions: model.ownQuestions
          .split('\n')
          .map((text) => text.trim())
          .filter((text) => text !== '')
          .map((text) => ({ text })),
      };
      void act(
        `Starting session ${request.session}…`,
        () => server.startSession(request),
        (next) => {
          model.state = next;
          model.chosenQuestions.clear();
          model.chosenFindings.clear();
          model.ownQuestions = '';
          const posted = next.sessions.find((s) => s.round === request.session)?.total ?? 0;
          return `Session ${request.session} started: ${plural(posted, 'question')} posted for the candidate.`;
        },
      );
    },
    closeSession: () => {
      const state = model.state;
      const current = state?.sessions.find((s) => s.current);
      if (!state || !current) return;
      const deferrals = [...model.deferrals]
        .filter(([id, reason]) => reason.trim() !== '' && state.threads.some((t) => t.id === id))
        .map(([threadId, reason]) => ({ threadId, reason }));
      void act(
        `Closing session ${current.round}…`,
        () => server.closeSession({ session: current.round, deferrals }),
        (next) => {
          model.state = next;
          model.deferrals.clear();
          return `Session ${current.round} closed; the order is back in ${formatStatus(next.order.status)}.`;
        },
      );
    },
    askRegenerate: () => {
      model.confirmingRegenerate = true;
      draw();
    },
    cancelRegenerate: () => {
      model.confirmingRegenerate = false;
      draw();
    },
    confirmRegenerate: () => {
      const sectionId = model.regenerateId;
      model.confirmingRegenerate = false;
      void act(
        'Regenerating the section…',
        () => server.regenerateSection({ sectionId }),
        (result) => {
          // The text changed under the findings' offsets.
          model.check = null;
          model.chosenFindings.clear();
          return result.message;
        },
      );
    },
    suggestRewrite: () => {
      const sectionId = model.regenerateId;
      void act(
        'Asking the model for a suggestion…',
        () => server.suggestRewrite({ sectionId }),
        (suggestion) => {
          model.suggestion = suggestion;
          return suggestion.message;
        },
      );
    },
    decideRewrite: (decision) => {
      const s = model.suggestion;
      if (!s) return;
      void act(
        decision === 'accept' ? 'Writing the accepted rewrite…' : 'Keeping the section…',
        async () => {
          const result = await server.decideRewrite({
            sectionId: s.section.sectionId,
            decision,
            proposal: s.proposal,
            current: s.current,
          });
          // The section's note comes from the Doc's comments, which Accept adds to.
          model.state = await server.getSidebarState();
          return result;
        },
        (result) => {
          model.suggestion = null;
          if (decision === 'accept') {
            model.check = null;
            model.chosenFindings.clear();
          }
          return result.message;
        },
      );
    },
    exportPdf: () =>
      void act(
        'Exporting the PDF…',
        () => server.exportPdf(),
        (pdf) => {
          model.pdf = pdf;
          return `Saved ${pdf.name}.`;
        },
      ),
  };

  draw();
  say('Loading the order…', 'busy');
  const ready = (async () => {
    busy = true;
    controls.disabled = true;
    try {
      model.state = await server.getSidebarState();
      draw();
      say('');
    } catch (error) {
      // Not authorized, or no order for this document: show the reason and nothing else.
      model.fatal = oneLine(error);
      draw();
      say(model.fatal, 'error');
    } finally {
      busy = false;
      controls.disabled = false;
    }
  })();
  return { model, ready };
}
