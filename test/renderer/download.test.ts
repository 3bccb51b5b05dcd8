import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../renderer/src/lib/download';

describe('decoding a downloaded file', () => {
  it('decodes base64 of any length, across slices, exactly', async () => {
    for (const length of [0, 1, 2, 3, 4, 5, 700_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) % 256);
      const decoded = await base64ToBytes(Buffer.from(bytes).toString('base64'));
      expect(decoded.length).toBe(length);
      expect(Buffer.from(decoded).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});
