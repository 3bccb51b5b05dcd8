import { useCallback, useEffect, useRef, useState } from 'react';

/** Focuses the element with this id, or the first control inside it when it is a container. */
function focusInto(element: HTMLElement): void {
  const target = element.matches('input, select, textarea, button, a[href], [tabindex]')
    ? element
    : element.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])');
  (target ?? element).focus();
  // jsdom (the renderer tests) has no scrollIntoView, whatever the DOM types say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  element.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Focus requests that wait for the render creating their target (an item just added, the next row after a
 * removal, a lesson a check points at). Ids are tried in order; the first that exists gets the focus.
 */
export function useFocusLater(): (...ids: string[]) => void {
  const pending = useRef<string[] | null>(null);
  const [, setRequests] = useState(0);
  useEffect(() => {
    const ids = pending.current;
    if (!ids) return;
    pending.current = null;
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        focusInto(element);
        return;
      }
    }
  });
  return useCallback((...ids: string[]) => {
    pending.current = ids;
    setRequests((n) => n + 1);
  }, []);
}
