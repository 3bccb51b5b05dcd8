export const SECTIONS = ['library', 'curricula', 'packs', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** The section named by the URL hash (#/settings), so reloads and the Back key keep the place. */
export function sectionFromHash(hash: string): Section {
  const name = hash.replace(/^#\/?/, '');
  return (SECTIONS as readonly string[]).includes(name) ? (name as Section) : 'library';
}
