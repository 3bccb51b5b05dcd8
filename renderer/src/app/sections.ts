export const SECTIONS = ['library', 'curricula', 'packs', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** Where the app is, from the URL hash, so reloads and the Back key keep the place. */
export type Route =
  | { section: 'library'; view: 'list' }
  | { section: 'library'; view: 'module'; moduleId: string }
  | { section: 'library'; view: 'edit'; moduleId: string }
  | { section: 'library'; view: 'new' }
  | { section: 'curricula'; view: 'list' }
  /** The composer of one curriculum. */
  | { section: 'curricula'; view: 'composer'; curriculumId: string }
  /** The print preview of one curriculum (#/curricula/<id>/preview). */
  | { section: 'curricula'; view: 'preview'; curriculumId: string }
  | { section: 'packs' | 'settings' };

/** Module and curriculum ids share the store's id format (IdSchema), checked here without zod. */
const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;

export function routeFromHash(hash: string): Route {
  const [section, id, action] = hash.replace(/^#\/?/, '').split('/');
  if (section === 'packs' || section === 'settings') return { section };
  if (section === 'curricula') {
    if (!id || !ID.test(id)) return { section: 'curricula', view: 'list' };
    return action === 'preview' ? { section: 'curricula', view: 'preview', curriculumId: id } : { section: 'curricula', view: 'composer', curriculumId: id };
  }
  if (id === 'new') return { section: 'library', view: 'new' };
  if (id && ID.test(id)) return action === 'edit' ? { section: 'library', view: 'edit', moduleId: id } : { section: 'library', view: 'module', moduleId: id };
  return { section: 'library', view: 'list' };
}

export function hashOf(route: Route): string {
  switch (route.section) {
    case 'packs':
    case 'settings':
      return `#/${route.section}`;
    case 'curricula':
      switch (route.view) {
        case 'list':
          return '#/curricula';
        case 'composer':
          return `#/curricula/${route.curriculumId}`;
        case 'preview':
          return `#/curricula/${route.curriculumId}/preview`;
      }
      break;
    case 'library':
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
}

/** The first page of a section, where the sidebar takes you. */
export function sectionHome(section: Section): Route {
  switch (section) {
    case 'library':
    case 'curricula':
      return { section, view: 'list' };
    case 'packs':
    case 'settings':
      return { section };
  }
}

/** Navigate by changing the hash; the shell listens for hashchange, so Back and Forward work too. */
export function navigate(route: Route): void {
  window.location.hash = hashOf(route);
}
