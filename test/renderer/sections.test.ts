import { describe, expect, it } from 'vitest';
import { hashOf, isPreviewRoute, previewRequest, previewRoute, routeFromHash, type Route } from '../../renderer/src/app/sections';

describe('routes in the URL hash', () => {
  const routes: Route[] = [
    { section: 'library', view: 'list' },
    { section: 'library', view: 'module', moduleId: 'use-of-force-firearms' },
    { section: 'library', view: 'edit', moduleId: 'use-of-force-firearms' },
    { section: 'library', view: 'new' },
    { section: 'library', view: 'preview', moduleId: 'use-of-force-firearms', options: { variant: 'trainer', paper: 'letter', annexes: false } },
    { section: 'library', view: 'preview', moduleId: 'use-of-force-firearms', lessonIndex: 2, options: { variant: 'participant', paper: 'a4', annexes: true } },
    { section: 'curricula', view: 'list' },
    { section: 'curricula', view: 'composer', curriculumId: 'foundation-course' },
    { section: 'curricula', view: 'preview', curriculumId: 'foundation-course', options: { variant: 'answer-key', paper: 'a4', annexes: true } },
    { section: 'packs' },
    { section: 'settings' },
    { section: 'settings', view: 'sync-conflicts' },
  ];

  it.each(routes.map((r) => [hashOf(r), r] as const))('%s reads back as the same route', (hash, route) => {
    expect(routeFromHash(hash)).toEqual(route);
  });

  it('falls back to safe defaults for unknown or hostile parts', () => {
    expect(routeFromHash('#/curricula/foundation-course/preview?variant=everything&paper=a0')).toEqual({
      section: 'curricula',
      view: 'preview',
      curriculumId: 'foundation-course',
      options: { variant: 'full', paper: 'a4', annexes: true },
    });
    expect(routeFromHash('#/library/use-of-force-firearms/preview?lesson=13')).toMatchObject({ view: 'preview', moduleId: 'use-of-force-firearms' });
    expect(routeFromHash('#/library/use-of-force-firearms/preview?lesson=13')).not.toHaveProperty('lessonIndex');
    expect(routeFromHash('#/curricula/..%2Fsecret/preview')).toEqual({ section: 'curricula', view: 'list' });
    expect(routeFromHash('#/nowhere')).toEqual({ section: 'library', view: 'list' });
    expect(routeFromHash('#/settings/elsewhere')).toEqual({ section: 'settings' });
  });

  it('turns preview routes into export requests and back', () => {
    const lesson = routeFromHash('#/library/use-of-force-firearms/preview?variant=trainer&paper=letter&annexes=0&lesson=2');
    if (!isPreviewRoute(lesson)) throw new Error('not a preview route');
    const request = previewRequest(lesson);
    expect(request).toEqual({ target: { kind: 'lesson', id: 'use-of-force-firearms', lessonIndex: 1 }, variant: 'trainer', paper: 'letter', annexes: false });
    expect(previewRoute(request)).toEqual(lesson);
    expect(isPreviewRoute({ section: 'packs' })).toBe(false);
  });
});
