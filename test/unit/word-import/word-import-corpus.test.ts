import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../../electron/services/word-import/docx-blocks';
import { readDocxBytes } from '../../../electron/services/word-import/docx-safety';
import type { SourceDocument } from '../../../shared/domain/word-import/blocks';
import { proposeImport, slugFor, type ImportProposal } from '../../../shared/domain/word-import/propose-import';
import type { Correction } from '../../../shared/domain/word-import/map-document';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import { CORPUS, type CorpusDocument } from './corpus';

const IMPORTED_AT = '2026-12-07T09:00:00.000Z';

async function source(document: CorpusDocument): Promise<SourceDocument> {
  return readBlocks(await readDocxBytes(await document.bytes(), document.name));
}

function propose(doc: SourceDocument, corrections?: Map<number, Correction>): ImportProposal {
  return proposeImport(doc, { importedAt: IMPORTED_AT, idFor: slugFor, ...(corrections ? { corrections } : {}) });
}

const byName = (name: string): CorpusDocument => {
  const found = CORPUS.find((d) => d.name === name);
  if (!found) throw new Error(name);
  return found;
};
const checks = (module: Module | undefined) => module?.provenance.sourceDocument?.toCheck ?? [];

describe('importing the corpus of lesson plans', () => {
  it('holds at least five layouts', () => {
    expect(CORPUS.map((d) => d.name)).toEqual(['heading-based.docx', 'table-based.docx', 'un-package.docx', 'seance-francais.docx', 'dars-arabi.docx']);
  });

  it.each(CORPUS)('imports $name with the expected modules, lessons and steps, as valid draft modules', async (document) => {
    const proposal = propose(await source(document));
    expect(proposal.language).toBe(document.expected.language);
    const shape = proposal.modules.map((m) => ({
      title: m.title,
      lessons: m.lessons.map((l) => ({ title: l.title, code: l.code, steps: l.steps.map((s) => ({ title: s.title, minutes: s.minutes })) })),
    }));
    expect(shape).toEqual(document.expected.modules);
    for (const module of proposal.modules) {
      expect(ModuleSchema.safeParse(module).success).toBe(true);
      expect(module.language).toBe(document.expected.language);
      expect(module.provenance.sourceDocument).toMatchObject({ fileName: document.name, importedAt: IMPORTED_AT, draft: true });
    }
  });

  it('maps labelled sections, lists, emphasis, images, evaluation and references of a heading-based plan', async () => {
    const [module] = propose(await source(byName('heading-based.docx'))).modules;
    const lesson = module?.lessons[0];
    expect(module?.summary).toBe('This module covers the principles of legality, necessity and proportionality.');
    expect(lesson?.aim).toBe('To explain when force may be used by law enforcement officials.');
    expect(lesson?.objectives).toEqual([
      { id: 'o1', text: 'Explain the principle of necessity', bloom: 'understand' },
      { id: 'o2', text: 'Apply the proportionality test to a scenario', bloom: 'apply' },
      // "Identify" sits on two levels in the usual tables: a level is set, and marked to check.
      { id: 'o3', text: 'Identify alternatives to force', bloom: 'understand' },
    ]);
    expect(checks(module)).toContainEqual({ path: 'lessons.0.objectives.2.bloom', code: 'bloom', detail: 'Identify alternatives to force' });
    expect(lesson?.methods).toEqual(['interactive-presentation', 'case-study', 'discussion']);
    expect(lesson?.materials).toEqual([
      'Flip chart and markers',
      'Copies of the Basic Principles',
      'Image missing from the import: Escalation ladder diagram (word/media/image1.png)',
    ]);
    expect(checks(module)).toContainEqual({ path: 'lessons.0.materials.2', code: 'image', detail: 'Escalation ladder diagram' });
    expect(lesson?.roomSetup).toBe('Tables in groups of five.');
    expect(lesson?.steps[1]).toMatchObject({ trainerActivity: 'Hands out the case and guides the groups', participantActivity: 'Work in groups on the case', method: 'case-study' });
    expect(lesson?.handouts).toEqual([{ id: 'h1', title: 'The three principles', body: 'Legality, necessity, proportionality.' }]);
    expect(lesson?.evaluation.map((e) => [e.question, e.answer])).toEqual([
      ['What does necessity mean?', 'Force only when no other means would achieve the lawful objective.'],
      ['Name two alternatives to force.', 'To complete.'],
    ]);
    expect(checks(module)).toContainEqual({ path: 'lessons.0.evaluation.1.answer', code: 'answer', detail: 'Name two alternatives to force.' });
    // Bold and italic kept; references kept in the notes; the list's opening line kept as "not placed".
    expect(lesson?.trainerNotes).toBe(
      'Stress that force is **always** the *last resort*.\n\n**References (from the Word document):**\n\nUN Basic Principles on the Use of Force and Firearms (1990).\n\n**Not placed by the Word import (kept here so that nothing is lost):**\n\nBy the end of this lesson, participants will be able to:',
    );
    expect(checks(module)).toContainEqual({ path: 'lessons.0.relevance', code: 'relevance' });
    expect(lesson?.relevance).toBe('To complete.');
  });

  it('takes a table-based plan: label rows fill fields, each "Lesson title" row starts a lesson', async () => {
    const proposal = propose(await source(byName('table-based.docx')));
    const [module] = proposal.modules;
    expect(module?.lessons[0]?.objectives.map((o) => [o.text, o.bloom])).toEqual([
      ['Describe the principles of community policing', 'understand'],
      ['Compare reactive and proactive policing', 'analyse'],
    ]);
    expect(module?.lessons[0]?.materials).toEqual(['Projector', 'Handout 1']);
    expect(checks(module)).toContainEqual({ path: 'title', code: 'module-title', detail: 'table-based' });
    // No method column: the method is guessed from the activity where it names one, and marked otherwise.
    expect(module?.lessons[1]?.steps.map((s) => s.method)).toEqual(['discussion', 'role-play']);
    expect(checks(module)).toContainEqual({ path: 'lessons.1.steps.0.method', code: 'step-method', detail: 'Mapping partners' });
    expect(proposal.blocks.map((b) => b.role)).toEqual(['glance', 'steps', 'glance', 'steps']);
  });

  it('reads a UN-package layout: lesson at a glance, lesson map with a total row left out, two modules', async () => {
    const [first, second] = propose(await source(byName('un-package.docx'))).modules;
    expect(first?.summary).toBe('Human rights are the foundation of policing in a democracy.');
    expect(first?.lessons[0]).toMatchObject({ aim: 'To introduce the main sources of international human rights law.', relevance: 'Officers apply these standards daily.', materials: ['Slides 1-12'] });
    expect(first?.lessons[0]?.objectives.map((o) => o.text)).toEqual(['Name the core human rights treaties', 'Explain the difference between treaties and declarations']);
    expect(first?.lessons[1]?.objectives).toEqual([{ id: 'o1', text: 'Evaluate whether a restriction of a right is lawful', bloom: 'evaluate' }]);
    expect(checks(second)).toContainEqual({ path: 'lessons.0.objectives', code: 'no-objectives' });
  });

  it('reads French labels, inline ones included ("Objectif général : …")', async () => {
    const [module] = propose(await source(byName('seance-francais.docx'))).modules;
    const lesson = module?.lessons[0];
    expect(lesson?.aim).toBe('Comprendre le rôle du dialogue dans la prévention.');
    expect(lesson?.objectives.map((o) => o.bloom)).toEqual(['understand', 'create']);
    expect(lesson?.methods).toEqual(['interactive-presentation', 'role-play', 'discussion']);
    expect(lesson?.evaluation.map((e) => e.answer)).toEqual(['La confiance et le renseignement.']);
    expect(lesson?.trainerNotes).toBe('Veiller à la parité des rôles.');
    expect(module?.summary).toBe('À compléter.');
  });

  it('reads Arabic labels and Bloom verbs', async () => {
    const [module] = propose(await source(byName('dars-arabi.docx'))).modules;
    const lesson = module?.lessons[0];
    expect(lesson?.aim).toBe('التعريف بحقوق الأشخاص المحتجزين.');
    expect(lesson?.objectives.map((o) => o.bloom)).toEqual(['understand', 'apply']);
    expect(lesson?.steps.map((s) => s.method)).toEqual(['lecture', 'case-study', 'discussion']);
    expect(lesson?.trainerNotes).toBe('التأكيد على الحق في الاستعانة بمحام.');
  });

  it('applies corrections: a heading made a lesson, a table made the step table, a heading made text', async () => {
    const doc = await source(byName('heading-based.docx'));
    const before = propose(doc);
    const handoutHeading = before.blocks.find((b) => b.text === 'The three principles');
    const tableBlock = before.blocks.find((b) => b.kind === 'table');
    const lessonHeading = before.blocks.find((b) => b.text === 'Lesson 3.2: Firearms');
    if (!handoutHeading || !tableBlock || !lessonHeading) throw new Error('corpus changed');
    const after = propose(doc, new Map<number, Correction>([[handoutHeading.id, 'lesson'], [lessonHeading.id, 'text']]));
    expect(after.modules[0]?.lessons.map((l) => l.title)).toEqual(['Principles of necessity', 'The three principles']);
    const inserted = propose(doc, new Map<number, Correction>([[handoutHeading.id, 'lesson']]));
    // The document's own numbers stay; the new lesson takes the next free code.
    expect(inserted.modules[0]?.lessons.map((l) => l.code)).toEqual(['3.1', '3.3', '3.2']);
    expect(after.blocks.find((b) => b.id === handoutHeading.id)).toMatchObject({ role: 'lesson', correction: 'lesson' });
    const asText = propose(doc, new Map<number, Correction>([[tableBlock.id, 'text']]));
    expect(asText.blocks.find((b) => b.id === tableBlock.id)?.role).toBe('content');
    expect(asText.modules[0]?.lessons[0]?.steps.map((s) => s.title)).toEqual(['Principles of necessity']);
    expect(checks(asText.modules[0])).toContainEqual({ path: 'lessons.0.steps', code: 'no-steps', detail: '60' });
  });

  it('gives lessons numbered alike in the document distinct codes', () => {
    const doc: SourceDocument = {
      fileName: 'twice.docx',
      title: null,
      author: null,
      warnings: [],
      blocks: [
        { id: 0, kind: 'heading', level: 1, text: 'Lesson 1.1: Arrest' },
        { id: 1, kind: 'heading', level: 1, text: 'Lesson 1.1: Detention' },
      ],
    };
    expect(propose(doc).modules[0]?.lessons.map((l) => l.code)).toEqual(['1.1', '1.2']);
  });

  it('never drops text: every block of every document has a role, and a block with no place is flagged', async () => {
    for (const document of CORPUS) {
      const proposal = propose(await source(document));
      const everything = JSON.stringify(proposal.modules).replace(/\*/g, "");
      for (const block of proposal.blocks) {
        if (block.role === 'not-placed') expect(block.uncertain).toBe('not-placed');
        // Paragraph text placed anywhere is found in the modules (labels and headings become structure).
        // A duration is held by the steps' minutes when they add up to it, methods by the lesson's method list
        // (each is kept as text when it cannot be read).
        if (block.kind === 'paragraph' && block.role !== 'label' && block.field !== 'duration' && block.field !== 'methods') {
          const words = block.text.replace(/^[^:：]{1,40}[:：]\s*/u, '').replace(/[*]/g, '').slice(0, 25);
          expect(everything, `${document.name} block ${block.id}`).toContain(JSON.stringify(words).slice(1, -1));
        }
      }
    }
  });
});

describe('checks of an imported module', () => {
  it('list what still needs completing, and forget what the author completed', async () => {
    const { importChecks } = await import('../../../shared/domain/word-import/import-checks');
    const [module] = propose(await source(byName('un-package.docx'))).modules;
    if (!module) throw new Error('no module');
    const codes = importChecks(module).map((c) => `${c.code} ${c.path}`);
    expect(codes).toContain('relevance lessons.1.relevance');
    expect(codes).toContain('participant-activity lessons.0.steps.0.participantActivity');
    expect(codes).toContain('step-method lessons.1.steps.0.method');
    const lessons = module.lessons.map((l, i) => (i === 1 ? { ...l, relevance: 'Officers limit rights every day.' } : l));
    const completed = { ...module, lessons, provenance: { ...module.provenance, sourceDocument: module.provenance.sourceDocument ? { ...module.provenance.sourceDocument, draft: false } : undefined } } as typeof module;
    const after = importChecks(completed).map((c) => `${c.code} ${c.path}`);
    expect(after).not.toContain('relevance lessons.1.relevance');
    // Guesses are listed only while the module is a draft; what is still missing stays listed.
    expect(after).not.toContain('step-method lessons.1.steps.0.method');
    expect(after).toContain('participant-activity lessons.0.steps.0.participantActivity');
  });

  it('lists nothing for a module that was not imported from Word', async () => {
    const { importChecks } = await import('../../../shared/domain/word-import/import-checks');
    const [module] = propose(await source(byName('un-package.docx'))).modules;
    if (!module) throw new Error('no module');
    const { sourceDocument: _omit, ...provenance } = module.provenance;
    expect(importChecks({ ...module, provenance })).toEqual([]);
  });
});
