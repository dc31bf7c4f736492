/**
 * Records keyed by text that came from outside (CSV headers, form item titles, JSON keys). A plain
 * `obj[key] = value` with the key `__proto__` changes the object's prototype instead of adding the entry,
 * so a candidate's or a team's header text could make an answer vanish; these helpers always add an own
 * property.
 */

export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

// Not `Object.hasOwn`: that is ES2022, beyond the es2020 the Apps Script bundle and the core's lib target.
export function hasOwn(record: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(record, key) !== undefined;
}

/** A record from entries, each key an own property; a repeated key keeps its last value. */
export function recordFrom<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [k, v] of entries) setOwn(out, k, v);
  return out;
}
