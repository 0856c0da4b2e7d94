import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_BYTES, idFromBytes, idSchema, idToBytes, isId, newId } from '../../../../shared/domain/ids';

describe('record ids', () => {
  it('round-trip any 16 bytes through 22 canonical base64url characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: ID_BYTES, maxLength: ID_BYTES }), (bytes) => {
        const id = idFromBytes(bytes);
        expect(id).toHaveLength(22);
        expect(idSchema.safeParse(id).success).toBe(true);
        expect(idToBytes(id)).toEqual(bytes);
      }),
    );
  });

  it('match a known vector', () => {
    expect(idFromBytes(new Uint8Array(16))).toBe('AAAAAAAAAAAAAAAAAAAAAA');
    expect(idFromBytes(new Uint8Array(16).fill(255))).toBe('_____________________w');
  });

  it('refuse non-canonical and malformed text', () => {
    for (const bad of ['AAAAAAAAAAAAAAAAAAAAAB', 'AAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAA+A', 'AAAAAAAAAAAAAAAAAAAA=A', '']) {
      expect(isId(bad), bad).toBe(false);
      expect(idSchema.safeParse(bad).success, bad).toBe(false);
      expect(() => idToBytes(bad)).toThrow(RangeError);
    }
  });

  it('take their randomness from the caller and refuse the wrong length', () => {
    const id = newId((length) => new Uint8Array(length).fill(7));
    expect(idToBytes(id)).toEqual(new Uint8Array(16).fill(7));
    expect(() => idFromBytes(new Uint8Array(15))).toThrow(RangeError);
  });
});
