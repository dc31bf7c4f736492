/**
 * Orders whose own files cannot be read: a responses/<id>.json, document.json or sharing.json damaged
 * outside CEAD (truncated, not JSON, of the wrong shape). As with a damaged letter.docx, such an order is
 * one order's problem, not the run's: it is found before anything changes, reported in one line per file,
 * and left as it is (no intake, no tracker edit taken, no file rewritten) while every other order goes on.
 */
import { type Order, orderIdFor } from '../core/orders';
import type { ResponseData } from '../core/ports';
import type { DamagedFile } from './folder-records';

/** The per-order stores, each able to say whether its file for an order is damaged. */
export interface DamageSources {
  readonly responses: { damage(responseId: string): DamagedFile | undefined };
  readonly documents: { damage(orderId: string): DamagedFile | undefined };
  readonly sharing: { damage(orderId: string): DamagedFile | undefined };
}

export interface DamagedOrder {
  readonly orderId: string;
  readonly files: readonly DamagedFile[];
}

/**
 * The damaged files of each order among `orders` (order ID and the response it belongs to), by order ID.
 * Orders with none are left out.
 */
export function findDamagedOrders(
  sources: DamageSources,
  orders: Iterable<{ readonly orderId: string; readonly responseId: string }>,
): Map<string, DamagedOrder> {
  const out = new Map<string, DamagedOrder>();
  for (const { orderId, responseId } of orders) {
    if (out.has(orderId)) continue;
    const files = [
      sources.responses.damage(responseId),
      sources.documents.damage(orderId),
      sources.sharing.damage(orderId),
    ].filter((d): d is DamagedFile => d !== undefined);
    if (files.length > 0) out.set(orderId, { orderId, files });
  }
  return out;
}

/**
 * One line per damaged file, in the words of the damaged-letter note. `unstored` is true when the input
 * holds answers for the order that the folder may not have: they were not taken, so the user must know to
 * run again once the file is restored (the input file still has them).
 */
export function damageNotes(order: DamagedOrder, unstored: boolean): string[] {
  return order.files.map(
    (f) =>
      `${order.orderId}: ${f.message}; it was left as it is, for this order to be seen to` +
      (unstored ? '. Its answers in this input were not stored: restore the file, then run again.' : '.'),
  );
}

export interface RunDamage {
  /** The damaged orders of the folder and of the input, by order ID: to be left as they are. */
  readonly orders: ReadonlyMap<string, DamagedOrder>;
  /** One line per damaged file. */
  readonly notes: readonly string[];
  /** The damaged files reported, relative to the output folder (so a later reader does not repeat them). */
  readonly files: ReadonlySet<string>;
}

/**
 * The damage a run must leave alone, found before anything changes: every order of the folder and every
 * order the input would make or update. `versionOf` is the version intake would record for a response.
 */
export function damageInRun(
  sources: DamageSources,
  recorded: readonly Order[],
  input: readonly ResponseData[],
  versionOf: (response: ResponseData) => string,
): RunDamage {
  const byId = new Map(recorded.map((o) => [o.orderId, o]));
  const fromInput = input.map((r) => ({ orderId: orderIdFor(r.responseId), responseId: r.responseId }));
  const orders = findDamagedOrders(sources, [...recorded, ...fromInput]);
  const unstored = new Set(
    input
      .filter((r) => byId.get(orderIdFor(r.responseId))?.submitted !== versionOf(r))
      .map((r) => orderIdFor(r.responseId)),
  );
  const notes = [...orders.values()].flatMap((o) => damageNotes(o, unstored.has(o.orderId)));
  const files = new Set(
    [...orders.values()].flatMap((o) =>
      o.files.map((f) => (f.file.startsWith('responses/') ? f.file : `orders/${o.orderId}/${f.file}`)),
    ),
  );
  return { orders, notes, files };
}
