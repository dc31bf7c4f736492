/**
 * A manager's (or writer's) edit to one cell of the Orders sheet, decided.
 *
 * Status changes follow the transition rules (orders.ts) for the editor's role; a refused change is reverted
 * with a note saying why. Package changes recompute the due dates; writer and reviewer changes must name a
 * team member with that role, and the new person gets access to the Doc. Columns the automation keeps
 * (IDs, dates, links, counters) are reverted: they are recomputed anyway, and an edited ID would detach the
 * order from its response or its Doc. Every accepted change is logged with time and actor; answers never
 * reach the Log, only which column changed.
 */
import { due } from './deadlines';
import { moveOrder, refreshDeadline, type When } from './order-moves';
import { isOrderStatus, type Order, type Role } from './orders';
import { findPackage, unknownPackageMessage } from './packages';
import type { Settings, TeamRole } from './settings';
import { type LogEntry, ORDER_COLUMNS } from './tracker-row';

export type ManagerEditResult =
  | {
      readonly kind: 'apply';
      readonly order: Order;
      readonly log: readonly LogEntry[];
      /**
       * Someone who should now have access to the order's Doc: its new writer (who takes it over from the
       * last one) or its reviewer (who joins them).
       */
      readonly shareWith?: { readonly email: string; readonly docId: string; readonly role: TeamRole };
    }
  | {
      readonly kind: 'revert';
      /** The cell's previous text, to write back. */
      readonly revertTo: string;
      /** The cell note that says why. */
      readonly note: string;
      readonly log: readonly LogEntry[];
    }
  | { readonly kind: 'ignore' };

export interface ManagerEdit {
  /** The order as it was before the edit (the edited cell holds its old value). */
  readonly before: Order;
  readonly field: keyof Order;
  /** The cell's previous text, as the sheet showed it ('' when it was blank). */
  readonly oldText: string;
  readonly newText: string;
  /** The editor's email; '' when the platform does not say (another domain). */
  readonly actor: string;
  readonly settings: Settings;
  readonly when: When;
}

/** Fields a person may change in the sheet: the rest belongs to the automation. */
const FREE_TEXT: readonly (keyof Order)[] = ['candidate', 'email', 'specialty', 'recommender'];

/**
 * The role an editor acts in: their strongest role in Settings. An editor the Settings sheet does not list
 * (or whose email the platform hides) can only be someone the tracker is shared with, that is a manager.
 */
export function roleOf(actor: string, settings: Settings): Role {
  const member = settings.team.find((m) => m.email.toLowerCase() === actor.trim().toLowerCase());
  if (!member) return 'manager';
  const order: readonly TeamRole[] = ['manager', 'reviewer', 'writer'];
  return order.find((r) => member.roles.includes(r)) ?? 'writer';
}

function headerOf(field: keyof Order): string {
  return ORDER_COLUMNS.find((c) => c.key === field)?.header ?? String(field);
}

export function managerEdit(edit: ManagerEdit): ManagerEditResult {
  const { before, field, settings, when } = edit;
  const actor = edit.actor.trim() || 'unknown editor';
  const newText = edit.newText.trim();
  const header = headerOf(field);
  const entry = (
    event: string,
    detail: string,
    from: Order['status'] | '' = '',
    to: Order['status'] | '' = '',
  ): LogEntry => ({
    time: when.now,
    actor,
    orderId: before.orderId,
    event,
    from,
    to,
    detail,
  });
  const revert = (note: string): ManagerEditResult => ({
    kind: 'revert',
    revertTo: edit.oldText,
    note,
    log: [entry('edit-reverted', `${header}: ${note}`)],
  });
  if (newText === edit.oldText.trim()) return { kind: 'ignore' };

  switch (field) {
    case 'status': {
      const to = newText.toUpperCase().replace(/[\s-]+/g, '_');
      if (!isOrderStatus(to)) return revert(`"${newText}" is not a status; pick one from the drop-down.`);
      const moved = moveOrder(before, to, roleOf(edit.actor, settings), when);
      if (!moved.ok) return revert(moved.reason);
      return {
        kind: 'apply',
        order: moved.order,
        log: [entry('status', 'changed in the tracker', before.status, to)],
      };
    }
    case 'package': {
      const pkg = findPackage(settings.catalog, newText);
      if (!pkg) return revert(`${unknownPackageMessage(settings.catalog, newText)}.`);
      let order: Order = { ...before, package: pkg.name, lastUpdate: when.now };
      if (order.start !== null)
        order = refreshDeadline({ ...order, originalDue: due(order.start, pkg) ?? null }, when.today);
      return {
        kind: 'apply',
        order,
        log: [
          entry(
            'package',
            `${before.package || '(none)'} → ${pkg.name}; due ${order.currentDue ?? 'not started'}`,
          ),
        ],
      };
    }
    case 'writer':
    case 'reviewer': {
      const role: TeamRole = field;
      if (newText === '') {
        return {
          kind: 'apply',
          order: { ...before, [field]: '', lastUpdate: when.now },
          log: [entry(field, 'cleared')],
        };
      }
      const member = settings.team.find((m) => m.email.toLowerCase() === newText.toLowerCase());
      if (!member?.roles.includes(role)) {
        return revert(`${newText} is not a ${role} on the Settings sheet's team list.`);
      }
      const order: Order = { ...before, [field]: member.email, lastUpdate: when.now };
      return {
        kind: 'apply',
        order,
        log: [entry(field, `assigned ${member.email}`)],
        ...(before.docId ? { shareWith: { email: member.email, docId: before.docId, role } } : {}),
      };
    }
    default: {
      if (FREE_TEXT.includes(field)) {
        return {
          kind: 'apply',
          order: { ...before, [field]: edit.newText, lastUpdate: when.now },
          log: [entry('edit', `${header} corrected`)],
        };
      }
      return revert(
        `CEAD keeps the "${header}" column itself; change the status, package, writer or reviewer instead.`,
      );
    }
  }
}
