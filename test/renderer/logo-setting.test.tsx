import { describe, expect, it } from 'vitest';
import { logoFromFile, logoType, MAX_LOGO_BYTES, printSize, toBase64 } from '../../renderer/src/features/settings/logo-file';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);

describe('choosing a cover logo', () => {
  it('recognises PNG and JPEG by their content, not their name', () => {
    expect(logoType(PNG)).toBe('png');
    expect(logoType(JPEG)).toBe('jpg');
    expect(logoType(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
  });

  it('keeps the proportions and fits the cover box', () => {
    expect(printSize(1600, 400)).toEqual({ width: 160, height: 40 });
    expect(printSize(300, 600)).toEqual({ width: 50, height: 100 });
    expect(printSize(80, 40)).toEqual({ width: 80, height: 40 });
    expect(printSize(4000, 10)).toEqual({ width: 160, height: 8 });
  });

  it('stores the bytes as base64 with the type and printed size', () => {
    expect(logoFromFile(PNG, { width: 320, height: 160 })).toEqual({ base64: toBase64(PNG), type: 'png', width: 160, height: 80 });
    expect(atob(toBase64(PNG)).length).toBe(PNG.length);
  });

  it('refuses files that are too large or not pictures', () => {
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG);
    expect(logoFromFile(big, { width: 10, height: 10 })).toBe('too-large');
    expect(logoFromFile(new TextEncoder().encode('GIF89a'), { width: 10, height: 10 })).toBe('not-an-image');
    expect(logoFromFile(PNG, { width: 0, height: 0 })).toBe('not-an-image');
  });
});
