/** A fake back end for the composer and curricula tests: the sample library and one stored course. */
import { curriculumCoverage } from '../../shared/domain/curriculum/coverage';
import { scheduleCurriculum } from '../../shared/domain/curriculum/schedule';
import { summariseModule } from '../../shared/domain/module-summary';
import { normaliseForSearch } from '../../shared/domain/text-normalise';
import { withStoredSnapshots } from '../../shared/domain/curriculum/saved-snapshots';
import type { ComposerBridge, IpcResult } from '../../shared/ipc/contract';
import type { CurriculumDetail, SaveCurriculum } from '../../shared/schemas/curricula';
import type { Curriculum } from '../../shared/schemas/curriculum';
import type { ModuleDetail } from '../../shared/schemas/library-detail';
import { setBridge } from '../../renderer/src/lib/bridge';
import { curriculum, modules, references, sampleModule } from '../unit/curriculum/sample';
import { fakeBridge, listAnswer, plainDetail } from './fakes/fake-bridge';

export { curriculum, moduleItem, sampleModule, session } from '../unit/curriculum/sample';

export const SUMMARIES = [...modules.values()].map(summariseModule);

function detailOf(id: string): ModuleDetail {
  return plainDetail(sampleModule(id));
}

/**
 * Installs a bridge over one stored course. Saves follow the real service's rule: refused with
 * `conflict` unless `baseUpdatedAt` is the stored `updatedAt`, which moves on with each save.
 * `changeElsewhere` simulates another window saving the course.
 */
export function composerBackend(initial: Curriculum = curriculum([]), extra: Parameters<typeof fakeBridge>[0] = {}) {
  let stored = initial;
  let clock = Date.parse(initial.updatedAt);
  const saves: SaveCurriculum[] = [];
  const detail = (): CurriculumDetail => ({
    curriculum: stored,
    archived: false,
    schedule: scheduleCurriculum(stored),
    checks: [],
    coverage: curriculumCoverage(stored, references),
  });
  const fake = fakeBridge({
    'curriculum:get': detail,
    'library:references': () => references,
    'library:get': (req) => detailOf((req as { id: string }).id),
    'library:list': (req) => {
      const text = normaliseForSearch((req as { text?: string } | undefined)?.text ?? '');
      const found = SUMMARIES.filter((m) => text === '' || normaliseForSearch(m.title).includes(text));
      return listAnswer(found, req, { total: SUMMARIES.length });
    },
    ...extra,
  });
  const bump = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
  const bridge: ComposerBridge = {
    on: fake.bridge.on,
    invoke: (async (channel: string, payload: unknown): Promise<IpcResult<unknown>> => {
      if (channel !== 'curriculum:save') return fake.bridge.invoke(channel as 'app:info', payload as undefined);
      const request = payload as SaveCurriculum;
      saves.push(request);
      if (request.baseUpdatedAt !== stored.updatedAt) return { ok: false, error: { code: 'conflict', message: `"${stored.title}" was changed elsewhere` } };
      // As the back end does: snapshots the editor left out are the stored ones.
      stored = { ...request.curriculum, items: withStoredSnapshots(request.curriculum.items, stored), updatedAt: bump() };
      // As the back end answers: the summary, whose updatedAt is the base of the next save.
      const modules = stored.items.filter((i) => i.kind === 'module').length;
      return { ok: true, value: { id: stored.id, title: stored.title, status: stored.status, days: stored.days, modules, language: stored.language, updatedAt: stored.updatedAt, archived: false } };
    }) as ComposerBridge['invoke'],
  };
  setBridge(bridge);
  return {
    fake,
    saves,
    stored: () => stored,
    changeElsewhere: () => {
      stored = { ...stored, title: `${stored.title} (edited elsewhere)`, updatedAt: bump() };
    },
  };
}
