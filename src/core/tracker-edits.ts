/**
 * Manager edits found in a tracker file that CEAD rewrites (the local `tracker.xlsx`). The Google tracker
 * sees each edit as it happens (onEdit); a file only shows the result, so each cell that differs from CEAD's
 * record is replayed as one edit through `managerEdit`, the same rules the Sheet enforces: status moves a
 * manager may make, known packages, team members with the right role, free-text corrections; anything else
 * reverts to the record, with the reason reported.
 *
 * A file can also be stale: written by an earlier run, with CEAD's record moved on since (a run that stopped
 * between updating the record and the file). So an edit is a cell that differs from what CEAD last wrote to
 * the file (`baseline`), not from the record; without a baseline, any difference from the record counts.
 *
 * The file does not say who edited it. An editor the Settings sheet does not list acts as a manager
 * (`roleOf`), which is who edits the tracker; the Log says the edit came from the tracker file.
 */
import { managerEdit } from './manager-edit';
import type { When } from './order-moves';
import type { Order } from './orders';
import type { Settings } from './settings';
import type { LogEntry } from './tracker-row';

export interface AdoptedEdits {
  /** The recorded orders with the accepted edits, in the order given. */
  readonly orders: readonly Order[];
  /** Orders that changed (to be written back to the record). */
  readonly changed: readonly Order[];
  readonly log: readonly LogEntry[];
  /** Edits that were reverted, one plain sentence each, prefixed with the order ID. */
  readonly reverted: readonly string[];
  /** People who should now have access to a Doc (a newly assigned writer or reviewer). */
  readonly shares: readonly { readonly email: string; readonly docId: string }[];
}

export const TRACKER_ACTOR = 'tracker file';

/** The fields replayed, in this order: people and package before status, so a move sees them. */
const EDITABLE: readonly (keyof Order)[] = [
  'writer',
  'reviewer',
  'package',
  'status',
  'candidate',
  'email',
  'specialty',
  'recommender',
];

function textOf(order: Order, field: keyof Order): string {
  const v = order[field];
  return v === null || v === undefined ? '' : String(v);
}

export function adoptTrackerEdits(
  recorded: readonly Order[],
  inTracker: ReadonlyMap<string, Order>,
  settings: Settings,
  when: When,
  /** The orders as CEAD last wrote them to the file, by order ID. */
  baseline: ReadonlyMap<string, Order> = new Map(),
): AdoptedEdits {
  const changed: Order[] = [];
  const log: LogEntry[] = [];
  const reverted: string[] = [];
  const shares: { email: string; docId: string }[] = [];
  const orders = recorded.map((order) => {
    const edited = inTracker.get(order.orderId);
    if (!edited || edited.responseId !== order.responseId) return order;
    const written = baseline.get(order.orderId);
    let next = order;
    for (const field of EDITABLE) {
      const oldText = textOf(next, field);
      const newText = textOf(edited, field);
      if (oldText.trim() === newText.trim()) continue;
      if (written && textOf(written, field).trim() === newText.trim()) continue;
      const result = managerEdit({ before: next, field, oldText, newText, actor: '', settings, when });
      if (result.kind === 'ignore') continue;
      log.push(...result.log.map((e) => ({ ...e, actor: TRACKER_ACTOR })));
      if (result.kind === 'apply') {
        next = result.order;
        if (result.shareWith) shares.push(result.shareWith);
      } else {
        reverted.push(`${order.orderId}: ${result.note}`);
      }
    }
    if (next !== order) changed.push(next);
    return next;
  });
  return { orders, changed, log, reverted, shares };
}
