/**
 * Packs of format 1 were written before modules had step, handout and item ids, item kinds and minutes, and
 * while option letters and handout numbers were typed into the texts. They still open, upgraded.
 */
import { describe, expect, it } from 'vitest';
import { readPackBytes } from '../../../electron/services/packs/pack-reader';
import { checkPackCurricula } from '../../../electron/services/packs/pack-curricula';
import { DEFAULT_ITEM_MINUTES } from '../../../shared/domain/module-upgrade';
import { references, sampleModule } from '../curriculum/sample';
import { buildPack, HOSTILE_ID, validDraft, withModuleData } from './zip-craft';

/** A sample module as a format 1 pack held it: no ids, kinds or minutes; letters and numbers in the texts. */
function formatOneModule(): Record<string, unknown> {
  const module = JSON.parse(JSON.stringify({ ...sampleModule('use-of-force-firearms'), id: HOSTILE_ID })) as {
    lessons: { steps: Record<string, unknown>[]; handouts: Record<string, unknown>[]; evaluation: Record<string, unknown>[] }[];
  } & Record<string, unknown>;
  for (const lesson of module.lessons) {
    for (const step of lesson.steps) delete step['id'];
    lesson.handouts.forEach((handout, index) => {
      delete handout['id'];
      handout['title'] = `Handout 4.1${'ABCDEF'.charAt(index)}: ${String(handout['title'])}`;
    });
    for (const item of lesson.evaluation) {
      delete item['id'];
      delete item['kind'];
      delete item['minutes'];
      if (Array.isArray(item['options'])) item['options'] = (item['options'] as string[]).map((o, i) => `${'ABCD'.charAt(i)}. ${o}`);
    }
  }
  return module;
}

describe('reading a format 1 pack', () => {
  it('upgrades its modules: ids, kinds and minutes given, letters and handout numbers taken out of the texts', async () => {
    const old = formatOneModule();
    const draft = withModuleData(validDraft(sampleModule('use-of-force-firearms'), references), Buffer.from(JSON.stringify(old)));
    const contents = await readPackBytes(buildPack(draft));
    const [module] = contents.modules;
    const sample = sampleModule('use-of-force-firearms');
    // The upgrade is deterministic: it gives the ids the sample library's own upgrade gave. Minutes were not
    // stored in format 1, so each item gets its type's default, where the sample's authors have since set their own.
    const expected = { ...sample, id: HOSTILE_ID, lessons: sample.lessons.map((l) => ({ ...l, evaluation: l.evaluation.map((q) => ({ ...q, minutes: DEFAULT_ITEM_MINUTES[q.type] })) })) };
    expect(module).toEqual(expected);
    expect(module?.lessons.flatMap((l) => l.evaluation.flatMap((e) => e.options ?? [])).some((o) => /^[A-D]\. /.test(o))).toBe(false);
  });

  it('upgrades the module snapshots of the curricula it carries', () => {
    const snapshot = formatOneModule();
    const raw = {
      id: 'old-course',
      title: 'Old course',
      language: 'en',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      days: 2,
      items: [{ kind: 'module', id: 'i1', moduleId: HOSTILE_ID, revision: snapshot['revision'], snapshot, lessons: [] }],
    };
    const [checked] = checkPackCurricula([raw], new Set(), 'Partner');
    expect(checked?.preview.problem).toBeUndefined();
    const item = checked?.curriculum?.items[0];
    expect(item?.kind === 'module' ? item.snapshot.lessons[0]?.handouts[0]?.id : undefined).toBe('five-principles-police-use');
  });
});
