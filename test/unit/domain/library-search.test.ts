import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleMinutes } from '../../../shared/domain/durations';
import { LibraryIndex, type LibraryQuery } from '../../../shared/domain/library-search';
import { LibraryQuerySchema } from '../../../shared/schemas/library-query';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';

const modulesDir = join(import.meta.dirname, '../../../resources/library/modules');
const samples: Module[] = readdirSync(modulesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ModuleSchema.parse(JSON.parse(readFileSync(join(modulesDir, file), 'utf8'))));

function sample(id: string): Module {
  const module = samples.find((m) => m.id === id);
  if (!module) throw new Error(`No sample module ${id}`);
  return module;
}

/**
 * A copy of an English sample with every indexed text replaced by the same neutral words, so that a search
 * can only find it through the text a test puts in. Unindexed texts (trainer notes...) are left as they are.
 */
function neutral(id: string, title: string, patch: Partial<Module> = {}): Module {
  const source = sample('ethics-integrity');
  return {
    ...source,
    id,
    title,
    summary: 'Neutral summary.',
    learningOutcomes: ['Neutral outcome.'],
    lessons: source.lessons.map((lesson) => ({
      ...lesson,
      title: 'Neutral lesson',
      aim: 'Neutral aim.',
      relevance: 'Neutral relevance.',
      objectives: lesson.objectives.map((o) => ({ ...o, text: 'Neutral objective' })),
      steps: lesson.steps.map((s) => ({ ...s, title: 'Neutral step', trainerActivity: 'Neutral.', participantActivity: 'Neutral.' })),
      handouts: lesson.handouts.map((h) => ({ ...h, title: 'Neutral handout', body: 'Neutral.' })),
    })),
    ...patch,
  };
}

/** `neutral`, with one text changed in the first step of the first lesson. */
function withFirstStep(module: Module, change: Partial<Module['lessons'][number]['steps'][number]>): Module {
  const [lesson, ...lessons] = module.lessons;
  if (!lesson) throw new Error('no lesson');
  const [step, ...steps] = lesson.steps;
  if (!step) throw new Error('no step');
  return { ...module, lessons: [{ ...lesson, steps: [{ ...step, ...change }, ...steps] }, ...lessons] };
}

const library = new LibraryIndex(samples);
const ids = (request: LibraryQuery, index = library) => index.search(request).map((m) => m.id);
const sorted = (values: string[]) => [...values].sort();

describe('LibraryIndex: accents, case and Arabic spelling', () => {
  it('finds French modules with "sécurité" when typed "securite"', () => {
    expect(ids({ text: 'securite', languages: ['fr'] })).toEqual(
      expect.arrayContaining(['community-policing-fr', 'gender-responsive-policing-fr', 'hr-foundations-fr']),
    );
  });

  it('matches a short accented word that typo tolerance could not rescue ("role" finds "rôle")', () => {
    const index = new LibraryIndex([neutral('roles', 'Le rôle du chef de poste'), neutral('other', 'Autre sujet')]);
    expect(ids({ text: 'role chef' }, index)).toEqual(['roles']);
  });

  it('ignores case: "POLICE" finds what "police" finds', () => {
    const lower = ids({ text: 'police' });
    expect(lower.length).toBeGreaterThanOrEqual(16);
    expect(ids({ text: 'POLICE' })).toEqual(lower);
  });

  it('finds "الشرطة" (taa marbuta) when typed "الشرطه"', () => {
    expect(ids({ text: 'الشرطه' })).toEqual(expect.arrayContaining(['community-policing-ar', 'hr-foundations-ar']));
  });

  it('folds taa marbuta and hamza in words too short for typo tolerance ("امن دوله" finds "أمن دولة")', () => {
    const index = new LibraryIndex([neutral('state', 'أمن دولة القانون'), neutral('other', 'حماية الطفل')]);
    expect(ids({ text: 'امن دوله' }, index)).toEqual(['state']);
  });

  it('finds both "إحترام" and "احترام" when typed either way', () => {
    const index = new LibraryIndex([
      neutral('hamza', 'إحترام الكرامة الإنسانية'),
      neutral('bare', 'احترام الكرامة الإنسانية'),
      neutral('other', 'حماية الطفل'),
    ]);
    expect(sorted(ids({ text: 'احترام' }, index))).toEqual(['bare', 'hamza']);
    expect(sorted(ids({ text: 'إحترام' }, index))).toEqual(['bare', 'hamza']);
  });

  it('finds text written with tatweel or with harakat when typed plainly, and the reverse', () => {
    const index = new LibraryIndex([
      neutral('tatweel', 'الشـــرطة والمجتمع'),
      neutral('harakat', 'الشُّرْطَة والمجتمع'),
      neutral('plain', 'الشرطة والمجتمع'),
      neutral('other', 'حماية الطفل'),
    ]);
    expect(sorted(ids({ text: 'الشرطة' }, index))).toEqual(['harakat', 'plain', 'tatweel']);
    expect(sorted(ids({ text: 'الشُّرْطَة' }, index))).toEqual(['harakat', 'plain', 'tatweel']);
  });

  it('finds Arabic-Indic digits when typed as ASCII digits', () => {
    const index = new LibraryIndex([neutral('year', 'مدونة ١٩٧٩'), neutral('other', 'مدونة أخرى')]);
    expect(ids({ text: '1979' }, index)).toEqual(['year']);
  });
});

describe('LibraryIndex: words, prefixes and typos', () => {
  it('completes the last word as a prefix: "comm" finds "community"', () => {
    expect(ids({ text: 'comm' })).toEqual(expect.arrayContaining(['community-policing', 'police-community-dialogue']));
  });

  it('matches earlier words whole: "comm police" finds nothing', () => {
    expect(ids({ text: 'police comm' }).length).toBeGreaterThan(0);
    expect(ids({ text: 'comm police' })).toEqual([]);
  });

  it('does not expand a prefix of fewer than three letters', () => {
    const index = new LibraryIndex([neutral('patrol', 'Patrol planning'), neutral('un', 'UN standards')]);
    expect(ids({ text: 'pa' }, index)).toEqual([]);
    expect(ids({ text: 'pat' }, index)).toEqual(['patrol']);
    // Two letters still match a whole word.
    expect(ids({ text: 'UN' }, index)).toEqual(['un']);
  });

  it('tolerates a typo in a word of five letters or more', () => {
    expect(ids({ text: 'tortre' })).toContain('torture-prevention');
    expect(ids({ text: 'custdy' })).toContain('arrest-and-detention');
  });

  it('does not tolerate typos in words shorter than five letters', () => {
    const index = new LibraryIndex([neutral('law', 'Law and order'), neutral('other', 'Something else')]);
    expect(ids({ text: 'law' }, index)).toEqual(['law']);
    expect(ids({ text: 'lsw order' }, index)).toEqual([]);
  });

  it('requires every word to match', () => {
    expect(ids({ text: 'torture' }).length).toBeGreaterThan(0);
    expect(ids({ text: 'torture qqqzzzxxy' })).toEqual([]);
  });

  it('skips words such as "of" and "de" that every module contains', () => {
    const index = new LibraryIndex([neutral('force', 'Use of force'), neutral('other', 'Force of habit and use')]);
    expect(sorted(ids({ text: 'use of force' }, index))).toEqual(['force', 'other']);
    // A query of such words alone filters nothing, like an empty one.
    expect(ids({ text: 'of the' }, index)).toEqual(ids({}, index));
    expect(ids({ text: 'of the' }, index)).toHaveLength(2);
  });

  it('treats blank or punctuation-only text as no text', () => {
    expect(ids({ text: '   ' })).toHaveLength(samples.length);
    expect(ids({ text: ' —!?، ' })).toHaveLength(samples.length);
  });
});

describe('LibraryIndex: what is indexed', () => {
  it("finds a word that appears only in a step's trainer activity", () => {
    const index = new LibraryIndex([
      withFirstStep(neutral('activity', 'First'), { trainerActivity: 'Show the **quokka** photograph.' }),
      neutral('other', 'Second'),
    ]);
    expect(ids({ text: 'quokka' }, index)).toEqual(['activity']);
  });

  it('finds words of participant activities, handouts, objectives and learning outcomes', () => {
    const base = neutral('base', 'Base');
    const [lesson, ...rest] = base.lessons;
    if (!lesson) throw new Error('no lesson');
    const handout = { id: 'neutral', title: 'Neutral handout', body: 'The _wombat_ checklist.' };
    const modules = [
      withFirstStep(neutral('participant', 'A'), { participantActivity: 'Participants draw a pangolin.' }),
      { ...neutral('handout', 'B'), lessons: [{ ...lesson, handouts: [handout] }, ...rest] },
      { ...neutral('objective', 'C'), lessons: [{ ...lesson, objectives: [{ id: 'o1', text: 'Describe the narwhal', bloom: 'understand' as const }] }, ...rest] },
      neutral('outcome', 'D', { learningOutcomes: ['Explain the axolotl rule.'] }),
      neutral('other', 'E'),
    ];
    const index = new LibraryIndex(modules);
    expect(ids({ text: 'pangolin' }, index)).toEqual(['participant']);
    expect(ids({ text: 'wombat' }, index)).toEqual(['handout']);
    expect(ids({ text: 'narwhal' }, index)).toEqual(['objective']);
    expect(ids({ text: 'axolotl' }, index)).toEqual(['outcome']);
  });

  it('leaves trainer notes out of the index', () => {
    const [lesson, ...rest] = neutral('notes', 'Notes').lessons;
    if (!lesson) throw new Error('no lesson');
    const index = new LibraryIndex([{ ...neutral('notes', 'Notes'), lessons: [{ ...lesson, trainerNotes: 'Mention the quokka.' }, ...rest] }]);
    expect(ids({ text: 'quokka' }, index)).toEqual([]);
    expect(ids({ text: 'notes' }, index)).toEqual(['notes']);
  });

  it('returns list summaries with derived minutes and lesson count', () => {
    const [found] = library.search({ text: 'firearms', languages: ['en'], minMinutes: 600 });
    const source = sample('use-of-force-firearms');
    expect(found).toEqual({
      id: source.id,
      revision: source.revision,
      title: source.title,
      summary: source.summary,
      language: 'en',
      themes: source.themes,
      audiences: source.audiences,
      level: source.level,
      minutes: 600,
      lessonCount: source.lessons.length,
      updatedAt: source.updatedAt,
      source: '',
      prerequisites: source.prerequisites,
    });
  });
});

describe('LibraryIndex: facets and duration', () => {
  it('filters by language', () => {
    expect(sorted(ids({ languages: ['ar'] }))).toEqual(['community-policing-ar', 'hr-foundations-ar']);
  });

  it('combines values of one kind with OR', () => {
    expect(sorted(ids({ languages: ['fr', 'ar'] }))).toEqual(
      sorted(['community-policing-ar', 'hr-foundations-ar', 'community-policing-fr', 'gender-responsive-policing-fr', 'hr-foundations-fr']),
    );
  });

  it('combines kinds with AND', () => {
    expect(ids({ themes: ['community-policing'], languages: ['fr'] })).toEqual(['community-policing-fr']);
    expect(sorted(ids({ audiences: ['command'] }))).toEqual(['accountability-oversight', 'policing-in-democratic-ssg', 'public-order-assemblies']);
    expect(sorted(ids({ audiences: ['command', 'trainers'], levels: ['basic'] }))).toEqual([]);
    expect(sorted(ids({ themes: ['arrest-and-detention'], levels: ['basic'] }))).toEqual(['arrest-and-detention', 'torture-prevention']);
  });

  it('combines facets with text', () => {
    expect(sorted(ids({ text: 'police', languages: ['fr'] }))).toEqual(sorted(['community-policing-fr', 'gender-responsive-policing-fr', 'hr-foundations-fr']));
  });

  it('does not filter on an empty list', () => {
    expect(ids({ themes: [], languages: [], audiences: [], levels: [] })).toHaveLength(samples.length);
  });

  it('keeps modules whose duration lies in the range, bounds included', () => {
    expect(ids({ minMinutes: 500 })).toEqual(['use-of-force-firearms']);
    expect(ids({ maxMinutes: 340 })).toEqual(['children-juvenile-justice']);
    const expected = samples.filter((m) => moduleMinutes(m) >= 410 && moduleMinutes(m) <= 420).map((m) => m.id);
    expect(expected.length).toBeGreaterThan(3);
    expect(sorted(ids({ minMinutes: 410, maxMinutes: 420 }))).toEqual(sorted(expected));
    expect(sorted(ids({ minMinutes: 600, maxMinutes: 600 }))).toEqual(['use-of-force-firearms']);
  });

  it('matches nothing with an inverted range', () => {
    expect(ids({ minMinutes: 420, maxMinutes: 360 })).toEqual([]);
  });
});

describe('LibraryIndex.facetCounts', () => {
  it('counts every value of every kind, zeros included', () => {
    const counts = library.facetCounts({});
    expect(counts.languages).toEqual({ en: 16, fr: 3, ar: 2 });
    expect(counts.themes['community-policing']).toBe(samples.filter((m) => m.themes.includes('community-policing')).length);
    expect(counts.themes['community-policing']).toBe(5);
    expect(counts.levels).toEqual({ basic: 10, intermediate: 11, advanced: 0 });
    expect(counts.audiences.trainers).toBe(1);
  });

  it('counts only the modules that match the text', () => {
    const counts = library.facetCounts({ text: 'الشرطة' });
    expect(counts.languages).toEqual({ en: 0, fr: 0, ar: 2 });
    expect(counts.themes['community-policing']).toBe(1);
    expect(counts.levels).toEqual({ basic: 2, intermediate: 0, advanced: 0 });
  });

  it("counts each kind under the other kinds' filters but not its own", () => {
    const counts = library.facetCounts({ languages: ['fr'] });
    // Languages stay countable while French is ticked...
    expect(counts.languages).toEqual({ en: 16, fr: 3, ar: 2 });
    // ...and the other kinds count French modules only.
    expect(counts.levels).toEqual({ basic: 2, intermediate: 1, advanced: 0 });
    expect(counts.themes['community-policing']).toBe(1);
    expect(counts.themes['gender-responsive-policing']).toBe(1);
    expect(counts.themes['use-of-force-and-firearms']).toBe(0);
  });

  it('applies the duration range to every count', () => {
    const counts = library.facetCounts({ minMinutes: 500 });
    expect(counts.languages).toEqual({ en: 1, fr: 0, ar: 0 });
    expect(counts.themes['use-of-force-and-firearms']).toBe(1);
  });

  it('agrees with the results it describes', () => {
    const request: LibraryQuery = { text: 'human rights', themes: ['accountability-and-oversight'] };
    const counts = library.facetCounts(request);
    for (const language of ['en', 'fr', 'ar'] as const) {
      expect(counts.languages[language], language).toBe(library.search({ ...request, languages: [language] }).length);
    }
  });
});

describe('LibraryIndex: sorting', () => {
  const titleOrder = [...samples]
    .sort((a, b) =>
      a.language === b.language ? new Intl.Collator(a.language, { numeric: true }).compare(a.title, b.title) : new Intl.Collator('en').compare(a.title, b.title),
    )
    .map((m) => m.id);

  it('sorts titles with each language’s collation, numbers by value', () => {
    const index = new LibraryIndex([
      neutral('m10', 'Module 10'),
      neutral('m2', 'Module 2'),
      neutral('force', 'Force', { language: 'fr' }),
      neutral('ethique', 'Éthique', { language: 'fr' }),
      neutral('droits', 'Droits', { language: 'fr' }),
    ]);
    const titles = index.search({ sort: 'title' }).map((m) => m.title);
    expect(titles.filter((t) => t.startsWith('Module'))).toEqual(['Module 2', 'Module 10']);
    expect(titles.filter((t) => !t.startsWith('Module'))).toEqual(['Droits', 'Éthique', 'Force']);
  });

  it('sorts the sample library by title, Arabic titles after Latin ones', () => {
    const order = ids({ sort: 'title' });
    expect(order).toEqual(titleOrder);
    expect(order.slice(-2).sort()).toEqual(['community-policing-ar', 'hr-foundations-ar']);
  });

  it('falls back to title order for relevance without text', () => {
    expect(ids({})).toEqual(titleOrder);
    expect(ids({ sort: 'relevance' })).toEqual(titleOrder);
  });

  it('ranks a match in the title above a match in lesson text only', () => {
    const index = new LibraryIndex([
      withFirstStep(neutral('in-step', 'Alpha'), { trainerActivity: 'A kestrel flies over.' }),
      neutral('in-title', 'Zulu kestrel'),
    ]);
    expect(ids({ text: 'kestrel' }, index)).toEqual(['in-title', 'in-step']);
    expect(ids({ text: 'kestrel', sort: 'title' }, index)).toEqual(['in-step', 'in-title']);
  });

  it('sorts by last update, newest first, comparing instants rather than strings', () => {
    const index = new LibraryIndex([
      neutral('paris', 'A', { updatedAt: '2025-01-01T10:00:00.000+02:00' }),
      neutral('utc', 'B', { updatedAt: '2025-01-01T09:00:00.000Z' }),
      neutral('old', 'C', { updatedAt: '2024-06-01T09:00:00.000Z' }),
    ]);
    expect(ids({ sort: 'updated' }, index)).toEqual(['utc', 'paris', 'old']);
  });

  it('sorts by duration, shortest first, ties by title', () => {
    const order = library.search({ sort: 'duration' });
    expect(order[0]?.id).toBe('children-juvenile-justice');
    expect(order.at(-1)?.id).toBe('use-of-force-firearms');
    for (let i = 1; i < order.length; i += 1) {
      const [previous, current] = [order[i - 1]!, order[i]!];
      expect(previous.minutes).toBeLessThanOrEqual(current.minutes);
      if (previous.minutes === current.minutes) expect(titleOrder.indexOf(previous.id)).toBeLessThan(titleOrder.indexOf(current.id));
    }
  });
});

describe('LibraryIndex: incremental updates', () => {
  it('adds a module, and refuses to add the same id twice', () => {
    const index = new LibraryIndex(samples);
    expect(ids({ text: 'quokka' }, index)).toEqual([]);
    index.add(neutral('new-one', 'Quokka welfare'));
    expect(ids({ text: 'quokka' }, index)).toEqual(['new-one']);
    expect(index.size).toBe(samples.length + 1);
    expect(() => {
      index.add(neutral('new-one', 'Again'));
    }).toThrow(/already/);
  });

  it('replaces the indexed text, summary and facets of a module', () => {
    const index = new LibraryIndex(samples);
    expect(ids({ text: 'torture', languages: ['en'] }, index)).toContain('torture-prevention');
    index.replace({ ...neutral('torture-prevention', 'Quokka welfare'), language: 'fr' });
    expect(ids({ text: 'quokka' }, index)).toEqual(['torture-prevention']);
    expect(index.search({ text: 'quokka' })[0]?.title).toBe('Quokka welfare');
    expect(ids({ text: 'torture', languages: ['en'] }, index)).not.toContain('torture-prevention');
    expect(index.facetCounts({}).languages).toEqual({ en: 15, fr: 4, ar: 2 });
    expect(index.size).toBe(samples.length);
  });

  it('moves a replaced module to its new place in title order', () => {
    const index = new LibraryIndex(samples);
    expect(ids({ sort: 'title' }, index)[0]).toBe('arrest-and-detention');
    index.replace({ ...sample('arrest-and-detention'), title: 'Zulu arrest' });
    const order = ids({ sort: 'title', languages: ['en'] }, index);
    expect(order.at(-1)).toBe('arrest-and-detention');
  });

  it('keeps the same title order through adds, replacements and removals as a freshly built index', () => {
    const index = new LibraryIndex(samples);
    index.remove({ id: 'ethics-integrity' });
    index.add(neutral('middle', 'Middle of the alphabet'));
    index.replace({ ...sample('use-of-force-firearms'), title: 'Aardvark first' });
    index.remove({ id: 'arrest-and-detention' });
    index.add(neutral('module-10', 'Module 10'));
    index.add(neutral('module-9', 'Module 9'));
    index.replace({ ...sample('hr-foundations-ar'), title: 'Zebra last' });
    const final = [
      ...samples
        .filter((m) => !['ethics-integrity', 'arrest-and-detention'].includes(m.id))
        .map((m) => (m.id === 'use-of-force-firearms' ? { ...m, title: 'Aardvark first' } : m.id === 'hr-foundations-ar' ? { ...m, title: 'Zebra last' } : m)),
      neutral('middle', 'Middle of the alphabet'),
      neutral('module-10', 'Module 10'),
      neutral('module-9', 'Module 9'),
    ];
    const order = ids({ sort: 'title' }, index);
    expect(order).toEqual(ids({ sort: 'title' }, new LibraryIndex(final)));
    expect(order[0]).toBe('use-of-force-firearms');
    expect(order.indexOf('module-9')).toBe(order.indexOf('module-10') - 1);
  });

  it('adds a module given to replace that was not indexed', () => {
    const index = new LibraryIndex([]);
    index.replace(neutral('fresh', 'Quokka welfare'));
    expect(ids({ text: 'quokka' }, index)).toEqual(['fresh']);
  });

  it('removes a module from text search, lists and counts', () => {
    const index = new LibraryIndex(samples);
    expect(ids({ text: 'custody' }, index)).toContain('arrest-and-detention');
    expect(index.remove({ id: 'arrest-and-detention' })).toBe(true);
    expect(ids({ text: 'custody' }, index)).not.toContain('arrest-and-detention');
    expect(ids({}, index)).not.toContain('arrest-and-detention');
    expect(index.facetCounts({}).languages.en).toBe(15);
    expect(index.remove({ id: 'arrest-and-detention' })).toBe(false);
    // The id is free again.
    index.add(sample('arrest-and-detention'));
    expect(ids({ text: 'custody' }, index)).toContain('arrest-and-detention');
  });
});

describe('LibraryQuerySchema', () => {
  it('accepts a full request', () => {
    const request = {
      text: 'police',
      themes: ['community-policing'],
      languages: ['fr'],
      audiences: ['recruits'],
      levels: ['basic'],
      minMinutes: 0,
      maxMinutes: 100_000,
      sort: 'duration',
    };
    expect(LibraryQuerySchema.parse(request)).toEqual(request);
    expect(LibraryQuerySchema.parse({})).toEqual({});
  });

  it.each([
    ['text over 200 characters', { text: 'x'.repeat(201) }],
    ['more than 20 themes', { themes: Array<string>(21).fill('community-policing') }],
    ['an unknown language', { languages: ['de'] }],
    ['an unknown audience', { audiences: ['everyone'] }],
    ['negative minutes', { minMinutes: -1 }],
    ['minutes over 100,000', { maxMinutes: 100_001 }],
    ['an unknown sort', { sort: 'random' }],
    ['an unknown key', { page: 2 }],
  ])('rejects %s', (_label, request) => {
    expect(LibraryQuerySchema.safeParse(request).success).toBe(false);
  });
});

describe('LibraryIndex.open: full text built on the first text search', () => {
  it('lists and filters at once, and finds text after textReady, including changes made before it', async () => {
    const index = LibraryIndex.open(samples);
    expect(index.search({ languages: ['ar'] }).length).toBe(2);
    const renamed = { ...sample('ethics-integrity'), title: 'Integrity and quokkas' };
    index.replace(renamed);
    index.remove({ id: 'trafficking-smuggling' });
    expect(index.search({ themes: ['trafficking-and-smuggling'] }).map((m) => m.id)).not.toContain('trafficking-smuggling');
    await index.textReady();
    expect(ids({ text: 'quokkas' }, index)).toEqual(['ethics-integrity']);
    expect(ids({ text: 'palermo' }, index)).not.toContain('trafficking-smuggling');
    index.replace({ ...renamed, title: 'Integrity and wombats' });
    expect(ids({ text: 'wombats' }, index)).toEqual(['ethics-integrity']);
  });
});

describe('LibraryIndex: filtering by source', () => {
  it('tells imported modules by their publisher from the academy’s own, with counts', () => {
    const imported: Module = {
      ...sample('ethics-integrity'),
      id: 'ethics-from-partner',
      provenance: { author: 'X', sourcePack: { packId: 'p1', publisher: 'Partner Academy', revision: 1, importedAt: '2026-11-01T00:00:00.000Z' } },
    };
    const index = new LibraryIndex([...samples, imported]);
    expect(index.facetCounts({}).sources).toEqual({ '': samples.length, 'Partner Academy': 1 });
    expect(ids({ sources: ['Partner Academy'] }, index)).toEqual(['ethics-from-partner']);
    expect(ids({ sources: [''] }, index)).not.toContain('ethics-from-partner');
  });
});
