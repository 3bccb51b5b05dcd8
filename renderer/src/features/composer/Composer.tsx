import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import type { Reference } from '../../../../shared/schemas/reference';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Route } from '../../app/sections';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import type { RestoreOutcome } from '../history/RevisionHistory';
import { ComposerBody } from './ComposerBody';
import type { ComposerTab } from './ComposerTabs';
import '../curricula/curricula.css';
import './composer.css';

/** What the composer starts from: the stored course and the library as it is now. */
export type ComposerLoad = {
  curriculum: Curriculum;
  library: ReadonlyMap<string, ModuleSummary>;
  references: readonly Reference[];
  /** The academy's settings as the course opened: placeholder defaults, the library panel folded or not. */
  settings: Settings;
  /** Distinguishes loads of the same course, so a reload starts a fresh editing session (and history). */
  session: number;
};

/**
 * What a reload keeps from the session it replaces: the tab the designer was on, and the outcome of a
 * restore from the shared history (its notice carries the undo).
 */
export type ComposerCarry = { tab: ComposerTab; revision?: RestoreOutcome };

let sessions = 0;

async function loadComposer(id: string): Promise<ComposerLoad> {
  const [detail, list, references, settings] = await Promise.all([
    call('curriculum:get', { id }),
    call('library:list', { sort: 'title' }),
    call('library:references'),
    call('settings:get'),
  ]);
  sessions += 1;
  return { curriculum: detail.curriculum, library: new Map(list.modules.map((m) => [m.id, m])), references, settings, session: sessions };
}

/** The curriculum composer for one course (`#/curricula/<id>`). */
export function Composer({ curriculumId, onOpen }: { curriculumId: string; onOpen: (route: Route) => void }) {
  const { t } = useTranslation();
  const [generation, setGeneration] = useState(0);
  // Kept with the course it belongs to: opening another course in this same view starts without it.
  const [carry, setCarry] = useState<{ curriculumId: string; carried: ComposerCarry | undefined } | undefined>(undefined);
  const [loaded] = useApi(() => loadComposer(curriculumId), `${curriculumId}|${generation}`);
  if (loaded.state === 'loading') return <p className="muted">{t('composer.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <section aria-labelledby="composer-title">
        <h1 id="composer-title">{t('composer.title')}</h1>
        <ErrorMessage error={loaded.error} />
        <a className="button" href="#/curricula">
          {t('composer.back')}
        </a>
      </section>
    );
  }
  return (
    <ComposerBody
      key={loaded.value.session}
      loaded={loaded.value}
      carried={carry?.curriculumId === curriculumId ? carry.carried : undefined}
      onOpen={onOpen}
      onReload={(next) => {
        setCarry({ curriculumId, carried: next });
        setGeneration((g) => g + 1);
      }}
    />
  );
}

export default Composer;
