import fc from 'fast-check';
import { fnv1a64Base32, fnv1a64Hex, utf8Bytes } from '../../src/core/hash';

/** FNV-1a 64 with BigInt over Node's UTF-8 encoder: slow, obviously correct, independent of the limbs. */
function reference(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(s, 'utf8')) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('agrees with a BigInt implementation on any string, including astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(fnv1a64Hex(s)).toBe(reference(s));
      }),
    );
    expect(fnv1a64Hex('\uD800x\uDC00')).toBe(reference('\uD800x\uDC00'));
  });

  it('encodes UTF-8 like Node does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        expect(utf8Bytes(s)).toEqual([...Buffer.from(s, 'utf8')]);
      }),
    );
  });

  it('gives base32 prefixes of the same 50 bits, in the Crockford alphabet', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 10 }), (s, n) => {
        const full = fnv1a64Base32(s, 10);
        expect(full).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
        expect(fnv1a64Base32(s, n)).toBe(full.slice(0, n));
      }),
    );
    // The top 50 bits of the empty string's hash cbf29ce484222325 (cbf29ce484222325 >> 14), in base32.
    expect(fnv1a64Base32('')).toBe('SFS9SS4448');
  });
});
