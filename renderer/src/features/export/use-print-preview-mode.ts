import { useEffect } from 'react';

/** The class on <html> that scopes export.css's print rules to the time a preview is shown. */
export const PRINT_PREVIEW_CLASS = 'cc-print-preview';

/**
 * Marks the document while the preview is mounted, so printing hides the app's frame (sidebar, status
 * bar) and prints only the document; other pages keep the browser's ordinary printing.
 */
export function usePrintPreviewMode(): void {
  useEffect(() => {
    const root = document.documentElement;
    root.classList.add(PRINT_PREVIEW_CLASS);
    return () => {
      root.classList.remove(PRINT_PREVIEW_CLASS);
    };
  }, []);
}
