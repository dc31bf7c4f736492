/**
 * The sidebar's sections, drawn from the model. Pure functions of (model, handlers) → elements; the
 * controller in app.ts owns the model and redraws after every answer from the server.
 */
import { THREAD_KIND_LABEL, type ThreadView } from '../core/editing-session';
import type {
  Availability,
  CheckResult,
  ExportedPdf,
  FindingView,
  RewriteSuggestion,
  Severity,
  SidebarState,
  StatusAction,
} from '../gas/sidebar-api';
import { type Child, h } from './dom';
import { formatBytes, formatDate, formatDaysLeft, formatStatus, formatTime, plural } from './format';

export interface Model {
  state: SidebarState | null;
  /** Set when the order cannot be shown at all (not authorized, no order for this Doc). */
  fatal: string | null;
  check: CheckResult | null;
  chosenQuestions: Set<string>;
  chosenFindings: Set<string>;
  ownQuestions: string;
  deferrals: Map<string, string>;
  regenerateId: string;
  confirmingRegenerate: boolean;
  /** A model's proposal waiting for the writer's Accept or Reject (or why there is none). */
  suggestion: RewriteSuggestion | null;
  pdf: ExportedPdf | null;
}

export interface Handlers {
  refresh(): void;
  changeStatus(action: StatusAction): void;
  checkLetter(): void;
  selectFinding(finding: FindingView): void;
  startSession(): void;
  closeSession(): void;
  askRegenerate(): void;
  confirmRegenerate(): void;
  cancelRegenerate(): void;
  suggestRewrite(): void;
  decideRewrite(decision: 'accept' | 'reject'): void;
  exportPdf(): void;
  redraw(): void;
}

export function emptyModel(): Model {
  return {
    state: null,
    fatal: null,
    check: null,
    chosenQuestions: new Set(),
    chosenFindings: new Set(),
    ownQuestions: '',
    deferrals: new Map(),
    regenerateId: '',
    confirmingRegenerate: false,
    suggestion: null,
    pdf: null,
  };
}

/** A button that may be refused: disabled, with the reason as its tooltip and as visible text below it. */
function guarded(
  label: string,
  availability: Availability,
  onClick: () => void,
  attrs: { primary?: boolean; id: string },
) {
  const reason = availability.allowed ? undefined : availability.reason;
  return h(
    'div',
    { class: 'guarded' },
    h(
      'button',
      {
        id: attrs.id,
        type: 'button',
        ...(attrs.primary ? { class: 'action' } : {}),
        disabled: !availability.allowed,
        ...(reason ? { title: reason } : {}),
        onClick: () => onClick(),
      },
      label,
    ),
    reason ? h('p', { class: 'secondary reason', data: { reasonFor: attrs.id } }, reason) : null,
  );
}

function section(id: string, title: string, ...children: Child[]) {
  return h('section', { id, class: 'block' }, h('h2', {}, title), ...children);
}

function row(label: string, ...value: Child[]) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

export function orderView(state: SidebarState): HTMLElement {
  const o = state.order;
  const due =
    o.currentDue && o.originalDue && o.currentDue !== o.originalDue
      ? [
          formatDate(o.currentDue),
          h('span', { class: 'secondary' }, ` (originally ${formatDate(o.originalDue)})`),
        ]
      : [formatDate(o.currentDue)];
  const late = o.businessDaysLeft !== null && o.businessDaysLeft < 0;
  return section(
    'order',
    'Order',
    h(
      'dl',
      { class: 'facts' },
      row('Candidate', h('span', { id: 'candidate' }, o.candidate)),
      row('Specialty', o.specialty),
      row('Package', o.package),
      row('Status', h('span', { id: 'status', class: 'status' }, formatStatus(o.status))),
      row(
        'Due',
        ...due,
        h('br'),
        h('span', { class: late ? 'error' : 'secondary' }, formatDaysLeft(o.businessDaysLeft)),
      ),
      row('Writer', o.writer || '—'),
      row('Reviewer', o.reviewer || '—'),
      row('Session', o.session === 0 ? 'none yet' : String(o.session)),
    ),
    h('p', { class: 'secondary' }, `${o.orderId} · you: ${state.user.roles.join(', ')}`),
  );
}

export function statusView(state: SidebarState, on: Handlers): HTMLElement {
  return section(
    'status-actions',
    'Move the order',
    state.statusActions.length === 0
      ? h('p', { class: 'secondary' }, 'No status change is possible from here.')
      : state.statusActions.map((a) =>
          h(
            'div',
            { class: 'status-action', data: { to: a.to } },
            guarded(a.label, a, () => on.changeStatus(a), { id: `status-${a.to}` }),
            a.allowed ? h('p', { class: 'secondary note' }, a.note) : null,
          ),
        ),
  );
}

const SEVERITY_TITLE: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

/** What "Check letter" changed in the draft's comments, or why it could not; null when nothing changed. */
function commentsLine(comments: CheckResult['comments']): string | null {
  if (!comments) return null;
  if ('problem' in comments) return comments.problem;
  const parts = [
    comments.posted > 0 ? `${plural(comments.posted, 'comment')} posted` : '',
    comments.replied > 0 ? `${plural(comments.replied, 'comment')} updated` : '',
    comments.resolved > 0 ? `${plural(comments.resolved, 'comment')} resolved (fixed)` : '',
  ].filter((p) => p !== '');
  return parts.length === 0 ? null : `In the draft: ${parts.join(', ')}.`;
}

export function checkView(model: Model, state: SidebarState, on: Handlers): HTMLElement {
  const check = model.check;
  const body: Child[] = [
    guarded('Check letter', state.actions.checkLetter, on.checkLetter, { id: 'check', primary: true }),
  ];
  if (check) {
    body.push(
      h(
        'p',
        { id: 'check-summary', class: 'secondary' },
        `Checked ${formatTime(check.checkedAt)}: ${plural(check.counts.error, 'error')}, ` +
          `${plural(check.counts.warning, 'warning')}, ${plural(check.counts.info, 'note')}.`,
      ),
    );
    const comments = commentsLine(check.comments);
    if (comments) body.push(h('p', { id: 'check-comments', class: 'secondary' }, comments));
    if (check.findings.length === 0)
      body.push(h('p', { class: 'ok' }, 'No findings: the letter passes every check.'));
    for (const severity of ['error', 'warning', 'info'] as const) {
      const findings = check.findings.filter((f) => f.severity === severity);
      if (findings.length === 0) continue;
      body.push(
        h(
          'div',
          { class: `findings sev-${severity}`, data: { severity } },
          h('h3', {}, `${SEVERITY_TITLE[severity]} (${findings.length})`),
          h(
            'ul',
            {},
            findings.map((f) =>
              h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'finding',
                    title: 'Select this passage in the document',
                    data: { findingId: f.id, code: f.code },
                    onClick: () => on.selectFinding(f),
                  },
                  h('span', { class: 'code' }, f.code),
                  h('span', { class: 'message' }, f.message),
                  f.excerpt ? h('q', { class: 'excerpt' }, f.excerpt) : null,
                ),
              ),
            ),
          ),
        ),
      );
    }
  }
  return section('check-section', 'Letter check', ...body);
}

const STATE_WORDS: Readonly<Record<ThreadView['state'], string>> = {
  open: 'open',
  answered: 'answered',
  resolved: 'resolved',
};

function threadLabel(t: ThreadView): string {
  if (t.marker) return `Session ${t.marker.session} · ${THREAD_KIND_LABEL[t.marker.kind]} ${t.marker.index}`;
  return t.origin === 'team' ? `Team comment by ${t.author}` : `Comment by ${t.author}`;
}

function threadView(t: ThreadView, extra: Child): HTMLElement {
  const lastReply = [...t.replies].reverse().find((r) => r.text.trim() !== '');
  return h(
    'li',
    { class: `thread ${t.state}`, data: { threadId: t.id, state: t.state } },
    h('span', { class: `badge ${t.state}` }, STATE_WORDS[t.state]),
    ' ',
    h('span', { class: 'secondary' }, threadLabel(t)),
    t.quoted ? h('blockquote', {}, t.quoted) : null,
    h('p', { class: 'thread-text' }, t.text),
    lastReply
      ? h('p', { class: 'secondary last-reply' }, `${lastReply.author}: `, h('span', {}, lastReply.text))
      : null,
    t.deferredReason !== undefined
      ? h('p', { class: 'secondary deferred' }, `Deferred: ${t.deferredReason}`)
      : null,
    extra,
  );
}

function startForm(model: Model, state: SidebarState, on: Handlers): HTMLElement {
  const n = state.nextSession;
  const checkbox = (
    set: Set<string>,
    key: string,
    id: string,
    label: Child,
    quote?: string,
    posted = false,
  ) =>
    h(
      'div',
      { class: 'choice' },
      h('input', {
        type: 'checkbox',
        id,
        // A question already on the Doc goes to the candidate with this session whatever is ticked.
        checked: posted || set.has(key),
        disabled: posted,
        onChange: (e) => {
          if ((e.target as HTMLInputElement).checked) set.add(key);
          else set.delete(key);
        },
      }),
      h(
        'label',
        { for: id },
        label,
        posted ? h('span', { class: 'secondary' }, ' (already in the document)') : null,
        quote ? h('q', { class: 'excerpt' }, quote) : null,
      ),
    );
  const findings = model.check?.findings ?? [];
  return h(
    'div',
    { id: 'start-session', class: 'session-form' },
    h('h3', {}, `Start session ${n}`),
    h(
      'p',
      { class: 'secondary' },
      'Each question becomes a comment thread; the candidate is invited to comment.',
    ),
    state.openQuestions.length > 0 ? h('p', { class: 'label' }, 'Open questions in the draft') : null,
    state.openQuestions.map((q) =>
      checkbox(model.chosenQuestions, q.id, `q-${q.id}`, q.question, q.passage, q.posted),
    ),
    findings.length > 0
      ? [
          h('p', { class: 'label' }, 'Findings from the letter check'),
          findings.map((f) =>
            checkbox(model.chosenFindings, f.id, `f-${f.id}`, `${f.code}: ${f.message}`, f.excerpt),
          ),
        ]
      : h('p', { class: 'secondary' }, 'Run “Check letter” to ask about its findings too.'),
    h('label', { for: 'own-questions', class: 'label' }, 'Your own questions (one per line)'),
    h('textarea', {
      id: 'own-questions',
      rows: 3,
      value: model.ownQuestions,
      onInput: (e) => {
        model.ownQuestions = (e.target as HTMLTextAreaElement).value;
      },
    }),
    guarded(`Start session ${n}`, state.actions.startSession, on.startSession, {
      id: 'start',
      primary: true,
    }),
  );
}

function closeForm(model: Model, state: SidebarState, on: Handlers, current: number): HTMLElement {
  const pending = state.threads.filter((t) => t.marker?.session === current && t.state !== 'resolved');
  return h(
    'div',
    { id: 'close-session', class: 'session-form' },
    h('h3', {}, `Close session ${current}`),
    pending.length === 0
      ? h('p', { class: 'secondary' }, 'Every thread of this session is resolved.')
      : h(
          'p',
          { class: 'secondary' },
          `${plural(pending.length, 'thread')} not resolved yet. Resolve them in the document, or defer them here with a reason.`,
        ),
    pending.map((t) =>
      h(
        'div',
        { class: 'defer' },
        h('label', { for: `defer-${t.id}`, class: 'label' }, `Defer “${threadLabel(t)}” because…`),
        h('input', {
          type: 'text',
          id: `defer-${t.id}`,
          data: { threadId: t.id },
          value: model.deferrals.get(t.id) ?? '',
          onInput: (e) => {
            model.deferrals.set(t.id, (e.target as HTMLInputElement).value);
          },
        }),
      ),
    ),
    guarded(`Close session ${current}`, state.actions.closeSession, on.closeSession, {
      id: 'close',
      primary: true,
    }),
  );
}

export function sessionsView(model: Model, state: SidebarState, on: Handlers): HTMLElement {
  const current = state.sessions.find((s) => s.current);
  return section(
    'sessions',
    'Editing sessions',
    state.sessions.length === 0
      ? h('p', { class: 'secondary' }, 'No editing session yet.')
      : h(
          'ul',
          { class: 'rounds' },
          state.sessions.map((s) =>
            h(
              'li',
              { data: { round: String(s.round) } },
              h(
                'b',
                {},
                `Session ${s.round}${s.current ? ' (open)' : s.round >= state.nextSession ? ' (not started)' : ''}: `,
              ),
              `${plural(s.total, 'thread')} — ${s.open} open, ${s.answered} answered, ${s.resolved} resolved` +
                (s.deferred > 0 ? ` (${s.deferred} deferred)` : ''),
            ),
          ),
        ),
    current ? closeForm(model, state, on, current.round) : startForm(model, state, on),
    h('h3', {}, `Comment threads (${state.threads.length})`),
    state.threads.length === 0
      ? h('p', { class: 'secondary' }, 'No comments in this document.')
      : h(
          'ul',
          { id: 'threads', class: 'threads' },
          state.threads.map((t) => threadView(t, null)),
        ),
    h('button', { id: 'refresh', type: 'button', onClick: () => on.refresh() }, 'Refresh'),
  );
}

export function regenerateView(model: Model, state: SidebarState, on: Handlers): HTMLElement {
  const chosen = state.sections.find((s) => s.sectionId === model.regenerateId) ?? state.sections[0];
  const body: Child[] = [
    h('label', { for: 'section-choice', class: 'label' }, 'Competency section'),
    h(
      'select',
      {
        id: 'section-choice',
        onChange: (e) => {
          model.regenerateId = (e.target as HTMLSelectElement).value;
          model.confirmingRegenerate = false;
          model.suggestion = null;
          on.redraw();
        },
      },
      state.sections.map((s) => {
        const option = h('option', { value: s.sectionId }, s.title);
        option.selected = s.sectionId === chosen?.sectionId;
        return option;
      }),
    ),
  ];
  if (model.confirmingRegenerate && chosen) {
    body.push(
      h(
        'div',
        { id: 'regenerate-confirm', class: 'confirm', role: 'alertdialog' },
        h(
          'p',
          {},
          `Replace the ${chosen.title} section with a fresh draft from the candidate’s answers? ` +
            'Edits made inside that section are lost; the rest of the letter stays as it is.',
        ),
        h(
          'button',
          { id: 'regenerate-yes', type: 'button', class: 'action', onClick: () => on.confirmRegenerate() },
          'Regenerate',
        ),
        h('button', { id: 'regenerate-no', type: 'button', onClick: () => on.cancelRegenerate() }, 'Cancel'),
      ),
    );
  } else {
    body.push(
      guarded('Regenerate section', state.actions.regenerateSection, on.askRegenerate, { id: 'regenerate' }),
    );
  }
  if (chosen?.modelNote) body.push(h('p', { id: 'model-note', class: 'secondary' }, chosen.modelNote));
  body.push(...suggestionView(model, state, on));
  return section('regenerate-section', 'Regenerate a section', ...body);
}

/**
 * "Suggest rewrite": the model's proposal shown beside Accept and Reject, never written by itself; or why
 * there is none. The button is disabled, with the reason, while the team's switch is off or the candidate
 * did not consent.
 */
function suggestionView(model: Model, state: SidebarState, on: Handlers): Child[] {
  const s = model.suggestion;
  if (!s || s.section.sectionId !== model.regenerateId) {
    return [guarded('Suggest rewrite', state.actions.suggestRewrite, on.suggestRewrite, { id: 'suggest' })];
  }
  const reasons =
    s.reasons.length > 0
      ? h(
          'ul',
          { id: 'suggestion-reasons' },
          s.reasons.map((r) => h('li', {}, r)),
        )
      : null;
  if (s.outcome !== 'proposed') {
    return [
      h('div', { id: 'suggestion', class: 'confirm' }, h('p', {}, s.message), reasons),
      guarded('Suggest rewrite', state.actions.suggestRewrite, on.suggestRewrite, { id: 'suggest' }),
    ];
  }
  return [
    h(
      'div',
      { id: 'suggestion', class: 'confirm', role: 'alertdialog' },
      h('p', { class: 'secondary' }, s.message),
      h('blockquote', { id: 'suggestion-text' }, s.proposal),
      h(
        'button',
        {
          id: 'suggestion-accept',
          type: 'button',
          class: 'action',
          onClick: () => on.decideRewrite('accept'),
        },
        'Accept',
      ),
      h(
        'button',
        { id: 'suggestion-reject', type: 'button', onClick: () => on.decideRewrite('reject') },
        'Reject',
      ),
    ),
  ];
}

export function exportView(model: Model, state: SidebarState, on: Handlers): HTMLElement {
  const pdf = model.pdf ?? state.pdf;
  return section(
    'export',
    'PDF for ERAS',
    h(
      'p',
      { class: 'secondary' },
      'US Letter, at most 1 MB, saved in the order’s folder and linked in the tracker.',
    ),
    guarded('Export PDF', state.actions.exportPdf, on.exportPdf, { id: 'export-pdf' }),
    pdf
      ? h(
          'p',
          { id: 'pdf-link' },
          h('a', { href: pdf.url }, pdf.name),
          model.pdf ? h('span', { class: 'secondary' }, ` (${formatBytes(model.pdf.bytes)})`) : null,
        )
      : null,
  );
}
