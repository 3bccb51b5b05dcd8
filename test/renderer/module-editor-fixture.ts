/** A library of one module for the module editor tests that records what the editor saves. */
import { summariseModule } from '../../shared/domain/module-summary';
import type { Req } from '../../shared/ipc/contract';
import { ModuleSchema, type Module } from '../../shared/schemas/module';
import { setBridge } from '../../renderer/src/lib/bridge';
import { references, sampleModule } from '../unit/curriculum/sample';
import { fakeBridge, listAnswer, plainDetail } from './fakes/fake-bridge';

export type SaveRequest = Req<'library:save'>;

/** The sample foundations module (lessons 1.1 to 1.3) in a library that records saves. */
export function library(module: Module = sampleModule('hr-foundations')) {
  const saves: SaveRequest[] = [];
  setBridge(
    fakeBridge({
      'library:list': (req) => listAnswer([summariseModule(module)], req),
      'library:references': () => [...references],
      'library:get': () => plainDetail(module),
      'library:save': (req) => {
        const save = req as SaveRequest;
        saves.push(save);
        return { ...ModuleSchema.parse(save.module), revision: (save.baseRevision ?? 0) + 1 };
      },
    }).bridge,
  );
  return { module, saves };
}

