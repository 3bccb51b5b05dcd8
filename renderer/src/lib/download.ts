/**
 * Hands bytes to the browser as a file download: the fallback where the host has no save dialog (the web
 * harness). The bytes come base64-encoded, as every file crosses the API.
 */
export function downloadBytes(fileName: string, bytesBase64: string, mimeType: string): void {
  const binary = atob(bytesBase64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
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
