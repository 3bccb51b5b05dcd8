import type { Logo } from '../../../../shared/schemas/settings';

/** Larger logos would bloat every exported document; 1 MB is plenty for a crisp cover logo. */
export const MAX_LOGO_BYTES = 1_000_000;
/** The widest a logo is printed on the cover, in points (a little under 6 cm). */
const MAX_PRINT_WIDTH = 160;
const MAX_PRINT_HEIGHT = 100;

export type LogoProblem = 'too-large' | 'not-an-image';

/** PNG and JPEG are recognised by their first bytes, not by the file name, which can say anything. */
export function logoType(bytes: Uint8Array): Logo['type'] | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  return null;
}

/** The printed size: the picture's proportions, scaled down to fit the cover's logo box. */
export function printSize(pixelWidth: number, pixelHeight: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_PRINT_WIDTH / pixelWidth, MAX_PRINT_HEIGHT / pixelHeight);
  return { width: Math.max(8, Math.round(pixelWidth * scale)), height: Math.max(8, Math.round(pixelHeight * scale)) };
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Checks a chosen file and describes it as the settings store it; the pixel size comes from the caller (the browser decodes it). */
export function logoFromFile(bytes: Uint8Array, pixels: { width: number; height: number }): Logo | LogoProblem {
  if (bytes.length > MAX_LOGO_BYTES) return 'too-large';
  const type = logoType(bytes);
  if (!type || pixels.width < 1 || pixels.height < 1) return 'not-an-image';
  return { base64: toBase64(bytes), type, ...printSize(pixels.width, pixels.height) };
}
