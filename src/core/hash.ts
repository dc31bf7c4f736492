/**
 * FNV-1a 64-bit over UTF-8, for stable identifiers (order IDs, CSV response IDs). Not a security hash:
 * it only has to be deterministic on every runtime and spread inputs evenly. Written with 16-bit limbs
 * because Apps Script has no `crypto` and BigInt arithmetic is slow for hashing whole rows.
 */

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as `TextEncoder` (absent in Apps Script) does. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        c = 0xfffd;
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

/** The 64-bit hash as two unsigned 32-bit halves. */
export function fnv1a64(s: string): { readonly hi: number; readonly lo: number } {
  // Offset basis 0xcbf29ce484222325, low limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of utf8Bytes(s)) {
    h0 ^= byte;
    // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64.
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return { hi: ((h3 << 16) | h2) >>> 0, lo: ((h1 << 16) | h0) >>> 0 };
}

/** The hash as 16 lowercase hex digits. */
export function fnv1a64Hex(s: string): string {
  const { hi, lo } = fnv1a64(s);
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

// Crockford's base32: no I, L, O or U, so an ID read aloud or retyped is not misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The top `chars × 5` bits of the hash (at most 10 characters, 50 bits) in Crockford base32. */
export function fnv1a64Base32(s: string, chars = 10): string {
  const n = Math.min(Math.max(Math.trunc(chars), 1), 10);
  const { hi, lo } = fnv1a64(s);
  // 50 bits fit a double exactly: all 32 of `hi` and the top 18 of `lo`.
  let v = hi * 2 ** 18 + (lo >>> 14);
  v = Math.floor(v / 2 ** (5 * (10 - n)));
  let out = '';
  for (let i = 0; i < n; i++) {
    out = CROCKFORD[v % 32] + out;
    v = Math.floor(v / 32);
  }
  return out;
}

/**
 * A short, stable tag for an email address, case and surrounding space ignored: what CEAD stores where an
 * address would be too long (a Drive app property) or too many (the sweep's record of notices).
 */
export function emailTag(email: string): string {
  return fnv1a64Base32(email.trim().toLowerCase());
}
