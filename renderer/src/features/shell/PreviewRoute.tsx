import { hashOf, previewRequest, previewRoute, type PreviewRouteOf, type Route } from '../../app/sections';
import { PrintPreviewPage } from '../export/PrintPreviewPage';

/** The print preview of a curriculum, module or lesson, with its options kept in the URL. */
export default function PreviewRoute({ route, onOpen }: { route: PreviewRouteOf; onOpen: (route: Route) => void }) {
  return (
    <PrintPreviewPage
      request={previewRequest(route)}
      onRequestChange={(request) => {
        // Keep the choice in the URL for reloads, without remounting the page that already shows it.
        window.history.replaceState(null, '', hashOf(previewRoute(request)));
      }}
      onBack={() => {
        onOpen(
          route.section === 'curricula'
            ? { section: 'curricula', view: 'composer', curriculumId: route.curriculumId }
            : { section: 'library', view: 'module', moduleId: route.moduleId },
        );
      }}
    />
  );
}
