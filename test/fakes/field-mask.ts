/**
 * Google API partial-response field masks (`fields=id,replies(id,content),nextPageToken`): parsing,
 * checking against the resource's known fields, and projecting a response onto the mask.
 */

export type MaskTree = Map<string, MaskTree | true>;

export function parseFieldMask(mask: string): MaskTree {
  let i = 0;
  const parseList = (): MaskTree => {
    const tree: MaskTree = new Map();
    while (i < mask.length) {
      const start = i;
      while (i < mask.length && !',()'.includes(mask[i] as string)) i++;
      const path = mask.slice(start, i).trim();
      let sub: MaskTree | true = true;
      if (mask[i] === '(') {
        i++;
        sub = parseList();
        if (mask[i] !== ')') throw new Error(`Invalid field selection ${mask}`);
        i++;
      }
      if (path) {
        // a/b/c is shorthand for a(b(c)).
        const parts = path.split('/');
        let node = tree;
        parts.forEach((part, k) => {
          if (k === parts.length - 1) {
            const existing = node.get(part);
            node.set(part, existing instanceof Map && sub instanceof Map ? merge(existing, sub) : sub);
          } else {
            const next = node.get(part);
            const child: MaskTree = next instanceof Map ? next : new Map();
            node.set(part, child);
            node = child;
          }
        });
      } else if (sub !== true || (mask[start - 1] !== undefined && mask[i] !== ')')) {
        throw new Error(`Invalid field selection ${mask}`);
      }
      while (mask[i] === ' ') i++;
      if (mask[i] === ',') {
        i++;
        continue;
      }
      if (mask[i] === ')' || i >= mask.length) break;
    }
    return tree;
  };
  const tree = parseList();
  if (i < mask.length) throw new Error(`Invalid field selection ${mask}`);
  return tree;
}

function merge(a: MaskTree, b: MaskTree): MaskTree {
  const out: MaskTree = new Map(a);
  for (const [k, v] of b) {
    const existing = out.get(k);
    out.set(k, existing instanceof Map && v instanceof Map ? merge(existing, v) : v === true ? true : v);
  }
  return out;
}

/** Throws the API's error for a field the resource does not have. `schema` maps a field to its sub-schema. */
export function checkMask(tree: MaskTree, schema: Schema, path = ''): void {
  for (const [key, sub] of tree) {
    if (key === '*') continue;
    const node = schema[key];
    if (node === undefined) throw new Error(`Invalid field selection ${path}${key}`);
    if (sub instanceof Map && node !== true) checkMask(sub, node, `${path}${key}/`);
  }
}

export interface Schema {
  readonly [field: string]: Schema | true;
}

export function project(value: unknown, tree: MaskTree | true): unknown {
  if (tree === true || tree.has('*')) return structuredClone(value);
  if (Array.isArray(value)) return value.map((v) => project(v, tree));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = project(v, sub);
  }
  return out;
}
