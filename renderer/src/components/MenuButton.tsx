import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export type MenuEntry = {
  key: string;
  /** What the entry shows. */
  label: string;
  /** Read instead of the label when the label alone does not say what it acts on. */
  ariaLabel?: string;
  disabled?: boolean;
  danger?: boolean;
  onSelect: () => void;
};

/**
 * A menu button (WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens the menu on its first
 * entry, ArrowUp on its last; arrows, Home and End move between entries; Escape closes it and gives the
 * focus back to the button; Tab or a click elsewhere closes it. Disabled entries stay reachable (they are
 * aria-disabled) so that screen-reader users hear that they exist. `onSelect` runs after the menu has
 * closed and the button has the focus again, so the action may move the focus elsewhere.
 */
export function MenuButton({ id, label, ariaLabel, entries, className = 'button button--small' }: { id: string; label: ReactNode; ariaLabel: string; entries: readonly MenuEntry[]; className?: string }) {
  const menuId = useId();
  const [open, setOpen] = useState<null | 'first' | 'last'>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = items();
    (open === 'first' ? list[0] : list[list.length - 1])?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && !menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(null);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const go = (next: number) => {
      event.preventDefault();
      list[(next + list.length) % list.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        go(index + 1);
        break;
      case 'ArrowUp':
        go(index - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(list.length - 1);
        break;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case 'Tab':
        close(false);
        break;
      default:
    }
  };

  return (
    <div className="menu">
      <button
        ref={buttonRef}
        id={id}
        type="button"
        className={className}
        aria-label={ariaLabel}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          setOpen((o) => (o ? null : 'first'));
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setOpen(event.key === 'ArrowDown' ? 'first' : 'last');
          }
        }}
      >
        {label}
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} role="menu" aria-labelledby={id} className="menu__list" onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <li key={entry.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={entry.danger ? 'menu__item menu__item--danger' : 'menu__item'}
                aria-label={entry.ariaLabel}
                aria-disabled={entry.disabled || undefined}
                onClick={() => {
                  if (entry.disabled) return;
                  close(true);
                  entry.onSelect();
                }}
              >
                {entry.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
