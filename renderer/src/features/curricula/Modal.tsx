import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog frame: focus moves to the first field (or `initialFocus`), Tab stays inside, Escape
 * closes, and focus returns to what had it before, so keyboard users never lose their place.
 */
export function Modal({
  labelledBy,
  describedBy,
  alert = false,
  className,
  onClose,
  children,
}: {
  labelledBy: string;
  describedBy?: string;
  /** An alertdialog: a question about something that cannot be undone. */
  alert?: boolean;
  /** Added to `dialog`, for a dialog that needs more room (a comparison of two versions). */
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useEffectEvent(onClose);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const dialog = ref.current;
    const first = dialog?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      if (event.key !== 'Tab' || !dialog) return;
      const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const [head, tail] = [focusable[0], focusable.at(-1)];
      if (!head || !tail) return;
      if (event.shiftKey && document.activeElement === head) {
        event.preventDefault();
        tail.focus();
      } else if (!event.shiftKey && document.activeElement === tail) {
        event.preventDefault();
        head.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);

  return (
    <div className="overlay">
      <div ref={ref} role={alert ? 'alertdialog' : 'dialog'} aria-modal="true" aria-labelledby={labelledBy} aria-describedby={describedBy} className={className ? `dialog ${className}` : 'dialog'}>
        {children}
      </div>
    </div>
  );
}
