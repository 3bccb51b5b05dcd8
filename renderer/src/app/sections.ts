import { EXPORT_VARIANTS, PAPER_SIZES, type ExportOptions } from '../../../shared/domain/export/plan';
import type { ExportRequest } from '../../../shared/schemas/export';

export const SECTIONS = ['library', 'curricula', 'packs', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** Where the app is, from the URL hash, so reloads and the Back key keep the place. */
export type Route =
  | { section: 'library'; view: 'list' }
  | { section: 'library'; view: 'module'; moduleId: string }
  | { section: 'library'; view: 'edit'; moduleId: string }
  | { section: 'library'; view: 'new' }
  /** Import lesson plans from Word documents, with a preview. */
  | { section: 'library'; view: 'import-word' }
  /** The print preview of a module or, with a lesson index (from 0), of one of its lessons. */
  | { section: 'library'; view: 'preview'; moduleId: string; lessonIndex?: number; options: ExportOptions }
  | { section: 'curricula'; view: 'list' }
  /** The composer of one curriculum. */
  | { section: 'curricula'; view: 'composer'; curriculumId: string }
  /** The print preview of one curriculum (#/curricula/<id>/preview?variant=trainer&paper=letter&annexes=0). */
  | { section: 'curricula'; view: 'preview'; curriculumId: string; options: ExportOptions }
  | { section: 'packs' | 'settings' }
  /** The conflicts a sync with the shared library stopped on, to be resolved. */
  | { section: 'settings'; view: 'sync-conflicts' };

export const SYNC_CONFLICTS_ROUTE = { section: 'settings', view: 'sync-conflicts' } as const satisfies Route;

/** Module and curriculum ids share the store's id format (IdSchema), checked here without zod. */
const ID = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** Preview options from the hash's query; anything unknown falls back to the full document on A4 with annexes. */
function previewOptions(query: URLSearchParams): ExportOptions {
  const variant = EXPORT_VARIANTS.find((v) => v === query.get('variant')) ?? 'full';
  const paper = PAPER_SIZES.find((p) => p === query.get('paper')) ?? 'a4';
  return { variant, paper, annexes: query.get('annexes') !== '0' };
}

function previewQuery(options: ExportOptions, lessonIndex?: number): string {
  const query = new URLSearchParams({ variant: options.variant, paper: options.paper, annexes: options.annexes ? '1' : '0' });
  if (lessonIndex !== undefined) query.set('lesson', String(lessonIndex + 1));
  return query.toString();
}

export function routeFromHash(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [section, id, action] = path.split('/');
  const query = new URLSearchParams(search);
  if (section === 'settings' && id === 'sync-conflicts') return SYNC_CONFLICTS_ROUTE;
  if (section === 'packs' || section === 'settings') return { section };
  if (section === 'curricula') {
    if (!id || !ID.test(id)) return { section: 'curricula', view: 'list' };
    return action === 'preview'
      ? { section: 'curricula', view: 'preview', curriculumId: id, options: previewOptions(query) }
      : { section: 'curricula', view: 'composer', curriculumId: id };
  }
  if (id === 'new') return { section: 'library', view: 'new' };
  if (id === 'import-word') return { section: 'library', view: 'import-word' };
  if (id && ID.test(id)) {
    if (action === 'edit') return { section: 'library', view: 'edit', moduleId: id };
    if (action === 'preview') {
      const lesson = Number(query.get('lesson'));
      const lessonIndex = Number.isInteger(lesson) && lesson >= 1 && lesson <= 12 ? lesson - 1 : undefined;
      return { section: 'library', view: 'preview', moduleId: id, ...(lessonIndex === undefined ? {} : { lessonIndex }), options: previewOptions(query) };
    }
    return { section: 'library', view: 'module', moduleId: id };
  }
  return { section: 'library', view: 'list' };
}

export type PreviewRouteOf = Extract<Route, { view: 'preview' }>;

export function isPreviewRoute(route: Route): route is PreviewRouteOf {
  return 'view' in route && route.view === 'preview';
}

/** The export request a preview route shows. */
export function previewRequest(route: PreviewRouteOf): ExportRequest {
  if (route.section === 'curricula') return { target: { kind: 'curriculum', id: route.curriculumId }, ...route.options };
  const target = route.lessonIndex === undefined ? { kind: 'module' as const, id: route.moduleId } : { kind: 'lesson' as const, id: route.moduleId, lessonIndex: route.lessonIndex };
  return { target, ...route.options };
}

/** The preview route of an export request (what the export dialog's "Print preview" opens). */
export function previewRoute(request: ExportRequest): Route {
  const options = { variant: request.variant, paper: request.paper, annexes: request.annexes };
  const { target } = request;
  switch (target.kind) {
    case 'curriculum':
      return { section: 'curricula', view: 'preview', curriculumId: target.id, options };
    case 'module':
      return { section: 'library', view: 'preview', moduleId: target.id, options };
    case 'lesson':
      return { section: 'library', view: 'preview', moduleId: target.id, lessonIndex: target.lessonIndex, options };
  }
}

export function hashOf(route: Route): string {
  switch (route.section) {
    case 'packs':
    case 'settings':
      return 'view' in route ? `#/settings/${route.view}` : `#/${route.section}`;
    case 'curricula':
      switch (route.view) {
        case 'list':
          return '#/curricula';
        case 'composer':
          return `#/curricula/${route.curriculumId}`;
        case 'preview':
          return `#/curricula/${route.curriculumId}/preview?${previewQuery(route.options)}`;
      }
      break;
    case 'library':
      switch (route.view) {
        case 'list':
          return '#/library';
        case 'new':
          return '#/library/new';
        case 'import-word':
          return '#/library/import-word';
        case 'module':
          return `#/library/${route.moduleId}`;
        case 'edit':
          return `#/library/${route.moduleId}/edit`;
        case 'preview':
          return `#/library/${route.moduleId}/preview?${previewQuery(route.options, route.lessonIndex)}`;
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
