/** Manager edits in the Orders sheet: checked against the transition rules, reverted with a reason, logged. */
import { type ManagerEdit, managerEdit, roleOf } from '../../src/core/manager-edit';
import { newOrder, type Order } from '../../src/core/orders';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';

const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  team: [
    { name: 'Ana', email: 'ana@cead-team.example', roles: ['writer'] },
    { name: 'Rex', email: 'rex@cead-team.example', roles: ['reviewer'] },
    { name: 'Mia', email: 'mia@cead-team.example', roles: ['manager', 'writer'] },
  ],
};

const when = { today: '2026-11-30', now: '2026-11-30T10:00:00-05:00' };

const order: Order = {
  ...newOrder({
    responseId: 'R1',
    submitted: '2026-11-30T08:00:00-05:00',
    lastUpdate: '2026-11-30T08:00:00-05:00',
  }),
  status: 'DRAFTING',
  package: 'standard',
  writer: 'ana@cead-team.example',
  docId: 'doc-1',
  start: '2026-11-30',
  originalDue: '2027-01-13',
  currentDue: '2027-01-13',
};

function edit(
  field: ManagerEdit['field'],
  oldText: string,
  newText: string,
  actor = 'mia@cead-team.example',
) {
  return managerEdit({ before: order, field, oldText, newText, actor, settings: SETTINGS, when });
}

describe('manager edits', () => {
  it('applies an allowed status change and logs it with time and actor', () => {
    const r = edit('status', 'DRAFTING', 'ON_HOLD');
    expect(r.kind).toBe('apply');
    if (r.kind !== 'apply') return;
    expect(r.order).toMatchObject({ status: 'ON_HOLD', heldFrom: 'DRAFTING', lastUpdate: when.now });
    expect(r.log).toEqual([
      {
        time: when.now,
        actor: 'mia@cead-team.example',
        orderId: order.orderId,
        event: 'status',
        from: 'DRAFTING',
        to: 'ON_HOLD',
        detail: 'changed in the tracker',
      },
    ]);
  });

  it('reverts a refused status change with the rule’s reason', () => {
    const r = edit('status', 'DRAFTING', 'DELIVERED');
    expect(r).toMatchObject({ kind: 'revert', revertTo: 'DRAFTING' });
    if (r.kind === 'revert') expect(r.note).toMatch(/cannot go from DRAFTING to DELIVERED/);
    const byWriter = edit('status', 'DRAFTING', 'ON_HOLD', 'ana@cead-team.example');
    expect(byWriter.kind).toBe('revert');
    if (byWriter.kind === 'revert') expect(byWriter.note).toMatch(/only a manager/);
    expect(edit('status', 'DRAFTING', 'Drafted').kind).toBe('revert');
  });

  it('reverts NEEDS_INFO → DRAFTING on an order with no draft, saying the candidate must complete the answers', () => {
    const waiting: Order = { ...order, status: 'NEEDS_INFO', docId: '', pausedSince: '2026-11-30' };
    const move = (before: Order, actor: string) =>
      managerEdit({
        before,
        field: 'status',
        oldText: 'NEEDS_INFO',
        newText: 'DRAFTING',
        actor,
        settings: SETTINGS,
        when,
      });
    for (const actor of ['mia@cead-team.example', 'ana@cead-team.example']) {
      const r = move(waiting, actor);
      expect(r).toMatchObject({ kind: 'revert', revertTo: 'NEEDS_INFO' });
      if (r.kind === 'revert') {
        expect(r.note).toBe(
          'The answers are incomplete and no draft exists yet; the candidate must complete the questionnaire, or fix the response.',
        );
      }
    }
    // A draft a writer sent back for information may go back to drafting once the writer has the facts.
    expect(move({ ...waiting, docId: 'doc-1' }, 'ana@cead-team.example')).toMatchObject({
      kind: 'apply',
      order: { status: 'DRAFTING', pausedSince: null },
    });
  });

  it('recomputes the due date when the package changes', () => {
    const r = edit('package', 'standard', 'Expedited');
    expect(r.kind).toBe('apply');
    if (r.kind !== 'apply') return;
    expect(r.order).toMatchObject({
      package: 'expedited',
      originalDue: '2026-12-01',
      currentDue: '2026-12-01',
      businessDaysLeft: 1,
    });
    expect(edit('package', 'standard', 'platinum')).toMatchObject({ kind: 'revert', revertTo: 'standard' });
  });

  it('assigns only team members of the right role, and shares the Doc with them', () => {
    const r = edit('writer', 'ana@cead-team.example', 'MIA@cead-team.example');
    expect(r).toMatchObject({
      kind: 'apply',
      shareWith: { email: 'mia@cead-team.example', docId: 'doc-1', role: 'writer' },
    });
    expect(edit('reviewer', '', 'ana@cead-team.example').kind).toBe('revert');
    expect(edit('writer', 'ana@cead-team.example', 'stranger@example.org').kind).toBe('revert');
  });

  it('reverts edits to the columns CEAD keeps, and ignores edits that change nothing', () => {
    expect(edit('orderId', order.orderId, 'CEAD-XXXXX-XXXXX').kind).toBe('revert');
    expect(edit('currentDue', '2027-01-13', '2027-02-01').kind).toBe('revert');
    expect(edit('status', 'DRAFTING', ' DRAFTING ').kind).toBe('ignore');
    const fix = edit('candidate', 'Rosa Delgad', 'Rosa Delgado');
    expect(fix.kind).toBe('apply');
    if (fix.kind === 'apply') expect(JSON.stringify(fix.log)).not.toContain('Rosa');
  });

  it('takes an editor the team list does not name for a manager', () => {
    expect(roleOf('', SETTINGS)).toBe('manager');
    expect(roleOf('ana@cead-team.example', SETTINGS)).toBe('writer');
    expect(roleOf('Mia@cead-team.example', SETTINGS)).toBe('manager');
  });
});
