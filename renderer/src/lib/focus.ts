/**
 * Whether the keyboard focus has been lost to the page: nothing focused, or the element that had it was
 * removed (a dialog that closed, a page that was replaced). Pages that appear then take the focus on their
 * heading, so keyboard and screen-reader users start where the new content starts.
 */
export function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active === document.documentElement || !active.isConnected;
}
