/**
 * Excel's limit of 32,767 characters a cell, for every cell CEAD writes to tracker.xlsx. Excel refuses or
 * "repairs" a file with a longer cell, and a hostile answer (a 40,000-character name) would make one.
 *
 * - The Responses sheet's raw JSON is split over cells and read by joining them (`splitForCells`).
 * - Any other text is cut, ending with a marker that says how long it was and where the whole text is
 *   (`fitCell`). The folder keeps every value whole; the cell is a view of it.
 * - A cut cell read back is not a manager's edit (`restoreCutCells`): it differs from the record only
 *   because it was cut, and taking it would overwrite the real value with the shortened one.
 */
import type { Order } from '../core/orders';
import { ORDER_COLUMNS, splitAtLimit } from '../core/tracker-row';
import { xmlSafe } from './xml-safe';

/** Excel refuses a cell longer than this (Sheets allows 50,000, which `responseToRow` splits for). */
export const XLSX_CELL_LIMIT = 32767;

/** Cuts text into pieces Excel can hold, never between the halves of a surrogate pair. */
export const splitForCells = (text: string, limit = XLSX_CELL_LIMIT): string[] => splitAtLimit(text, limit);

const MARKER = /… \(truncated: \d+ characters(; the full text is in [^)]*)?\)$/;

/**
 * Text as a cell can hold it: unchanged when short enough, else cut (never inside a surrogate pair) and
 * ended with `… (truncated: N characters; the full text is in <fullTextIn>)`, N the whole text's length.
 */
export function fitCell(text: string, fullTextIn?: string, limit = XLSX_CELL_LIMIT): string {
  if (text.length <= limit) return text;
  const marker = `… (truncated: ${text.length} characters${fullTextIn ? `; the full text is in ${fullTextIn}` : ''})`;
  let keep = Math.max(0, limit - marker.length);
  if (keep > 0 && /[\uD800-\uDBFF]/.test(text.charAt(keep - 1))) keep--;
  return text.slice(0, keep) + marker;
}

/** Whether a cell's text ends as `fitCell` ends a text it cut. */
export function isCutCell(text: string): boolean {
  return MARKER.test(text);
}

/** Where an order's whole values are kept, for the marker of its cut cells. */
export function orderFile(orderId: string): string {
  return `orders/${orderId}/order.json`;
}

// The text fields a tracker row gives back (the ones an edit is looked for in, and the response ID).
const TEXT_COLUMNS = ORDER_COLUMNS.filter((c) => c.kind === 'text');

/**
 * The tracker's orders with each cut cell given back its whole value: from the record, or from what CEAD
 * last wrote (the baseline), whichever it is the cut of. A cell that still ends with the marker but is the
 * cut of neither was edited after the cut; it is not taken either (the rest of the text is not in the
 * cell), and a note says so.
 */
export function restoreCutCells(
  inTracker: ReadonlyMap<string, Order>,
  recorded: readonly Order[],
  baseline: ReadonlyMap<string, Order>,
): { readonly orders: Map<string, Order>; readonly notes: readonly string[] } {
  const orders = new Map(inTracker);
  const notes: string[] = [];
  for (const record of recorded) {
    const shown = inTracker.get(record.orderId);
    if (!shown) continue;
    const written = baseline.get(record.orderId);
    let next = shown;
    for (const { key, header } of TEXT_COLUMNS) {
      const cell = String(shown[key] ?? '');
      if (!isCutCell(cell)) continue;
      const cutOf = (o: Order | undefined) =>
        o !== undefined && fitCell(xmlSafe(String(o[key] ?? '')), orderFile(o.orderId)) === cell;
      if (!cutOf(record) && !cutOf(written)) {
        notes.push(
          `${record.orderId}: "${header}" was cut to fit an Excel cell, so an edit to it cannot be taken; the value in ${orderFile(record.orderId)} is kept.`,
        );
      }
      // Either way the record's whole value stands: the cell holds only part of any value.
      next = { ...next, [key]: record[key] };
    }
    if (next !== shown) orders.set(record.orderId, next);
  }
  return { orders, notes };
}
