/**
 * Hands bytes to the browser as a file download: the fallback where the host has no save dialog (the web
 * harness). The bytes come base64-encoded, as every file crosses the API.
 */

/** Base64 characters decoded per slice: a multiple of 4, about 0.5 MB, a few milliseconds of work. */
const SLICE = 4 * 131_072;

/**
 * Decodes base64 slice by slice, letting the page breathe between slices: a 160-module curriculum is a
 * several-megabyte document, and decoding it in one go would freeze the window for a noticeable moment.
 */
export async function base64ToBytes(bytesBase64: string): Promise<Uint8Array<ArrayBuffer>> {
  const padding = bytesBase64.endsWith('==') ? 2 : bytesBase64.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((bytesBase64.length / 4) * 3 - padding);
  let offset = 0;
  for (let start = 0; start < bytesBase64.length; start += SLICE) {
    const binary = atob(bytesBase64.slice(start, start + SLICE));
    for (let i = 0; i < binary.length; i += 1) bytes[offset + i] = binary.charCodeAt(i);
    offset += binary.length;
    if (start + SLICE < bytesBase64.length)
      await new Promise((resolve) => {
        setTimeout(resolve, 0);
      });
  }
  return bytes;
}

export async function downloadBytes(fileName: string, bytesBase64: string, mimeType: string): Promise<void> {
  const bytes = await base64ToBytes(bytesBase64);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
