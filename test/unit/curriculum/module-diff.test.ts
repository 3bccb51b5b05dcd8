import { describe, expect, it } from 'vitest';
import { diffModules, type ModuleChange } from '../../../shared/domain/curriculum/module-diff';
import type { Module } from '../../../shared/schemas/module';
import { revised, sampleModule } from './sample';

const base = sampleModule('gender-responsive-policing');
const diff = (change: (draft: Module) => void): ModuleChange[] => diffModules(base, revised(base, change));
const messages = (changes: readonly ModuleChange[]) => changes.map((c) => c.message);

function lesson(m: Module, code: string) {
  const found = m.lessons.find((l) => l.code === code);
  if (!found) throw new Error(`no lesson ${code}`);
  return found;
}

describe('module diff', () => {
  it('is empty for the same content, whatever the revision and date', () => {
    expect(diff((m) => (m.updatedAt = '2030-01-01T00:00:00.000Z'))).toEqual([]);
    expect(diffModules(base, structuredClone(base))).toEqual([]);
  });

  it('reports module fields with old and new values', () => {
    const changes = diff((m) => {
      m.title = 'Gender-responsive policing (2nd edition)';
      m.summary = 'A shorter summary.';
      m.level = 'advanced';
    });
    expect(messages(changes)).toEqual([
      `Title changed: "${base.title}" → "Gender-responsive policing (2nd edition)"`,
      `Level changed: "${base.level}" → "advanced"`,
      'Summary changed',
    ]);
    expect(changes[0]).toMatchObject({ code: 'field-changed', path: 'title', params: { field: 'title' }, after: 'Gender-responsive policing (2nd edition)' });
    expect(changes[2]).toMatchObject({ before: base.summary, after: 'A shorter summary.' });
  });

  it('reports items added to and removed from lists', () => {
    const changes = diff((m) => {
      m.themes = [...m.themes.filter((t) => t !== 'security-sector-governance'), 'sgbv-response'];
      m.prerequisites = [];
      m.references.push('crc-1989');
    });
    expect(messages(changes)).toEqual(['Theme added: sgbv-response', 'Theme removed: security-sector-governance', 'Prerequisite removed: hr-foundations', 'Reference added: crc-1989']);
    expect(changes.map((c) => c.code)).toEqual(['list-item-added', 'list-item-removed', 'list-item-removed', 'list-item-added']);
  });

  it('reports lessons added and removed', () => {
    const changes = diff((m) => {
      const extra = structuredClone(lesson(m, '11.3'));
      extra.code = '11.4';
      extra.title = 'Gender audits';
      m.lessons = [lesson(m, '11.1'), lesson(m, '11.3'), extra];
    });
    expect(messages(changes)).toEqual(['Lesson 11.4 "Gender audits" added (115 min)', `Lesson 11.2 "${lesson(base, '11.2').title}" removed`]);
    expect(changes[0]).toMatchObject({ code: 'lesson-added', lessonCode: '11.4', params: { minutes: 115 } });
  });

  it('reports lessons reordered', () => {
    const changes = diff((m) => {
      m.lessons = [lesson(m, '11.2'), lesson(m, '11.1'), lesson(m, '11.3')];
    });
    expect(changes).toEqual([expect.objectContaining({ code: 'lessons-reordered', message: 'Lessons reordered: 11.2, 11.1, 11.3 (was 11.1, 11.2, 11.3)' })]);
  });

  it('lists which fields of a lesson changed', () => {
    const changes = diff((m) => {
      const l = lesson(m, '11.1');
      l.aim = 'A new aim.';
      l.objectives = l.objectives.map((o, i) => (i === 0 ? { ...o, bloom: 'apply' } : o));
      l.trainerNotes = `${l.trainerNotes} More.`;
    });
    expect(changes).toEqual([
      expect.objectContaining({ code: 'lesson-changed', lessonCode: '11.1', fields: ['aim', 'objectives', 'trainerNotes'], message: `Lesson 11.1 "${lesson(base, '11.1').title}" changed: aim, objectives, trainer notes` }),
    ]);
  });

  it('reports step minutes and the lesson total', () => {
    const changes = diff((m) => {
      const step = lesson(m, '11.2').steps[1];
      if (step) step.minutes = 45;
    });
    const stepTitle = lesson(base, '11.2').steps[1]?.title ?? '';
    expect(changes.map((c) => c.code)).toEqual(['lesson-changed', 'lesson-minutes-changed', 'step-minutes-changed']);
    expect(changes[0]?.fields).toEqual(['steps']);
    expect(changes[1]).toMatchObject({ before: 120, after: 125 });
    expect(changes[2]).toMatchObject({ step: 2, before: 40, after: 45, path: 'lessons.11.2.steps.2.minutes', message: `Lesson 11.2, step 2 "${stepTitle}": 40 → 45 min` });
  });

  it('matches steps by title, so an inserted step does not show every later step as changed', () => {
    const changes = diff((m) => {
      const l = lesson(m, '11.3');
      const first = l.steps[0];
      if (first) l.steps.unshift({ ...first, title: 'Energiser', minutes: 5, range: undefined });
    });
    expect(changes.filter((c) => c.code.startsWith('step-'))).toEqual([
      expect.objectContaining({ code: 'step-added', step: 1, message: 'Lesson 11.3, step 1 "Energiser" added (5 min)' }),
    ]);
  });

  it('pairs a renamed step with its old self and reports removed steps', () => {
    const changes = diff((m) => {
      const l = lesson(m, '11.1');
      const [a, b, ...rest] = l.steps;
      if (!a || !b) throw new Error('11.1 has steps');
      l.steps = [{ ...a, title: 'Opening circle', method: 'discussion' }, ...rest];
    });
    const old = lesson(base, '11.1').steps;
    const stepChanges = changes.filter((c) => c.code.startsWith('step-'));
    expect(stepChanges).toEqual([
      expect.objectContaining({ code: 'step-changed', step: 1, before: old[0]?.title, after: 'Opening circle', fields: old[0]?.method === 'discussion' ? ['title'] : ['title', 'method'] }),
      expect.objectContaining({ code: 'step-removed', step: 2, message: `Lesson 11.1, step "${old[1]?.title ?? ''}" removed (${old[1]?.minutes ?? 0} min)` }),
    ]);
  });

  it('reports sensitivity and range changes on a step', () => {
    const changes = diff((m) => {
      const step = lesson(m, '11.2').steps[0];
      if (step) {
        step.sensitivity = { warning: 'Discusses abuse in custody', participantVisible: false };
        step.range = { min: 5, max: 15 };
      }
    });
    expect(changes.find((c) => c.code === 'step-changed')?.fields).toEqual(['range', 'sensitivity']);
  });

  it('reports a change of translation source', () => {
    const fr = sampleModule('gender-responsive-policing-fr');
    const changes = diffModules(fr, revised(fr, (m) => (m.translationOf = { moduleId: 'gender-responsive-policing', revision: 2 })));
    expect(messages(changes)).toEqual(['Translation source changed: "gender-responsive-policing revision 1" → "gender-responsive-policing revision 2"']);
  });

  it('is symmetric: what one direction adds, the other removes', () => {
    const newer = revised(base, (m) => {
      m.lessons.pop();
      m.themes.push('sgbv-response');
      lesson(m, '11.1').steps.pop();
    });
    const forward = diffModules(base, newer).map((c) => c.code);
    const backward = diffModules(newer, base).map((c) => c.code);
    const swap = (code: string) => code.replace('added', '§').replace('removed', 'added').replace('§', 'removed');
    expect([...backward].sort()).toEqual(forward.map(swap).sort());
  });
});
