import { useEffect, useEffectEvent } from 'react';

/**
 * The native menu's File › Export goes to whatever page is showing something exportable (a course in the
 * composer, a module). The page listens for this event and cancels it to say it took the command; when
 * nobody does, the shell opens the curricula list instead.
 */
const EXPORT_COMMAND = 'composer:export-command';

/** true when a page took the command. */
export function requestExport(): boolean {
  return !window.dispatchEvent(new Event(EXPORT_COMMAND, { cancelable: true }));
}

/** Lets a page answer File › Export while it is mounted. */
export function useExportCommand(onExport: () => void): void {
  const run = useEffectEvent(onExport);
  useEffect(() => {
    const listener = (event: Event) => {
      event.preventDefault();
      run();
    };
    window.addEventListener(EXPORT_COMMAND, listener);
    return () => {
      window.removeEventListener(EXPORT_COMMAND, listener);
    };
  }, []);
}
