/**
 * Manager edits made in a tracker file that CEAD rewrites (the local `tracker.xlsx`): which of them CEAD
 * takes over into its own record of the orders before writing the file again.
 *
 * Managers own three columns: Writer and Reviewer (taken as typed) and Status (taken when the move is one a
 * manager may make, as `moveOrder` decides; otherwise the tracker goes back to the recorded status and the
 * refusal is reported, as the Google tracker reverts such an edit with a note). A Package edit is taken
 * when the catalog knows the package, and moves the due dates with it. Every other column is CEAD's: an edit
 * there is overwritten by the next run.
 */
import { due } from './deadlines';
import { moveOrder, refreshDeadline, type When } from './order-moves';
import type { Order } from './orders';
import { findPackage, type PackageCatalog, unknownPackageMessage } from './packages';
import type { LogEntry } from './tracker-row';

export interface AdoptedEdits {
  /** The recorded orders with the adopted edits, in the order given. */
  readonly orders: readonly Order[];
  /** Orders that changed (to be written back to the record). */
  readonly changed: readonly Order[];
  readonly log: readonly LogEntry[];
  /** Edits that were not taken, one plain sentence each. */
  readonly refused: readonly string[];
}

/** Who made an edit found in the tracker file: the file does not say which manager, only where. */
export const TRACKER_ACTOR = 'manager (tracker)';

export function adoptTrackerEdits(
  recorded: readonly Order[],
  inTracker: ReadonlyMap<string, Order>,
  when: When,
  catalog: PackageCatalog,
  /** Error-level findings of each order's latest check, for a move to FINALIZED. */
  errorFindings: (orderId: string) => number | undefined = () => undefined,
): AdoptedEdits {
  const changed: Order[] = [];
  const log: LogEntry[] = [];
  const refused: string[] = [];
  const entry = (
    o: Order,
    event: string,
    from: Order['status'] | '',
    to: Order['status'] | '',
    detail: string,
  ) => log.push({ time: when.now, actor: TRACKER_ACTOR, orderId: o.orderId, event, from, to, detail });

  const orders = recorded.map((order) => {
    const edited = inTracker.get(order.orderId);
    if (!edited || edited.responseId !== order.responseId) return order;
    let next = order;
    const people = { writer: edited.writer.trim(), reviewer: edited.reviewer.trim() };
    for (const field of ['writer', 'reviewer'] as const) {
      if (people[field] !== next[field]) {
        entry(next, 'assigned', '', '', `${field}: ${people[field] || '(none)'}`);
        next = { ...next, [field]: people[field], lastUpdate: when.now };
      }
    }
    if (edited.package.trim() !== '' && edited.package.trim() !== next.package) {
      const pkg = findPackage(catalog, edited.package);
      if (!pkg) {
        refused.push(
          `${order.orderId}: package not changed. ${unknownPackageMessage(catalog, edited.package.trim())}.`,
        );
      } else {
        const originalDue = next.start === null ? null : (due(next.start, pkg) ?? null);
        next = refreshDeadline({ ...next, package: pkg.name, originalDue, lastUpdate: when.now }, when.today);
        entry(next, 'package', '', '', `package: ${pkg.name}`);
      }
    }
    if (edited.status !== next.status) {
      const moved = moveOrder(next, edited.status, 'manager', when, {
        errorFindings: errorFindings(order.orderId),
      });
      if (moved.ok) {
        entry(next, 'status', next.status, edited.status, 'edited in the tracker');
        next = moved.order;
      } else {
        refused.push(`${order.orderId}: status stays ${next.status}. ${moved.reason}`);
        entry(next, 'edit-reverted', next.status, edited.status, moved.reason);
      }
    }
    if (next !== order) changed.push(next);
    return next;
  });
  return { orders, changed, log, refused };
}
