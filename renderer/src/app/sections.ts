export const SECTIONS = ['library', 'curricula', 'packs', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** Where the app is, from the URL hash, so reloads and the Back key keep the place. */
export type Route =
  | { section: 'library'; view: 'list' }
  | { section: 'library'; view: 'module'; moduleId: string }
  | { section: 'library'; view: 'edit'; moduleId: string }
  | { section: 'library'; view: 'new' }
  | { section: Exclude<Section, 'library'> };

const MODULE_ID = /^[a-z0-9][a-z0-9-]{1,79}$/;

export function routeFromHash(hash: string): Route {
  const [section, id, action] = hash.replace(/^#\/?/, '').split('/');
  if (section === 'curricula' || section === 'packs' || section === 'settings') return { section };
  if (id === 'new') return { section: 'library', view: 'new' };
  if (id && MODULE_ID.test(id)) return action === 'edit' ? { section: 'library', view: 'edit', moduleId: id } : { section: 'library', view: 'module', moduleId: id };
  return { section: 'library', view: 'list' };
}

export function hashOf(route: Route): string {
  if (route.section !== 'library') return `#/${route.section}`;
  switch (route.view) {
    case 'list':
      return '#/library';
    case 'new':
      return '#/library/new';
    case 'module':
      return `#/library/${route.moduleId}`;
    case 'edit':
      return `#/library/${route.moduleId}/edit`;
  }
}

/** Navigate by changing the hash; the shell listens for hashchange, so Back and Forward work too. */
export function navigate(route: Route): void {
  window.location.hash = hashOf(route);
}
