import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibraryIndex, type LibraryQuery } from '../../../shared/domain/library-search';
import { contract } from '../../../shared/ipc/contract';
import { LIBRARY_SORTS } from '../../../shared/schemas/library-query';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';

const modulesDir = join(import.meta.dirname, '../../../resources/library/modules');
const samples: Module[] = readdirSync(modulesDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ModuleSchema.parse(JSON.parse(readFileSync(join(modulesDir, file), 'utf8'))));

/** Copies of a sample with the same title and text: equal scores, equal titles, so only the tie-break orders them. */
const twins: Module[] = ['twin-c', 'twin-a', 'twin-b'].map((id) => ({ ...(samples[0] as Module), id, translationOf: undefined }));
const index = new LibraryIndex([...samples, ...twins]);

const REQUESTS: LibraryQuery[] = [
  {},
  { text: 'police' },
  { text: 'human rights' },
  { text: 'comm' },
  { languages: ['en'], themes: ['human-rights-foundations', 'community-policing'] },
  { text: 'police', levels: ['basic', 'intermediate'] },
];

/** Every page of `size` rows, one after the other, until a page comes back short. */
function allPages(request: LibraryQuery, size: number): { ids: string[]; matched: Set<number> } {
  const ids: string[] = [];
  const matched = new Set<number>();
  for (let offset = 0; ; offset += size) {
    const page = index.searchPage(request, { offset, limit: size });
    matched.add(page.matched);
    ids.push(...page.modules.map((m) => m.id));
    if (page.modules.length < size) return { ids, matched };
  }
}

describe('LibraryIndex.searchPage', () => {
  it('cuts pages out of the same ranking the unpaged search gives, for every sort and page size', () => {
    for (const sort of LIBRARY_SORTS) {
      for (const request of REQUESTS) {
        const whole = index.search({ ...request, sort }).map((m) => m.id);
        expect(whole.length).toBeGreaterThan(1);
        for (const size of [1, 2, 5, 100]) {
          const { ids, matched } = allPages({ ...request, sort }, size);
          expect(ids).toEqual(whole);
          // Every page counts every match, not its own rows.
          expect([...matched]).toEqual([whole.length]);
        }
      }
    }
  });

  it('orders modules with equal scores and titles the same way on every page', () => {
    const ids = allPages({ text: samples[0]?.title ?? '', sort: 'relevance' }, 1).ids.filter((id) => id.startsWith('twin-'));
    expect(ids).toEqual(['twin-a', 'twin-b', 'twin-c']);
  });

  it('gives every match from the offset on when no limit is asked for', () => {
    const whole = index.search({ sort: 'title' });
    expect(index.searchPage({ sort: 'title' }, { offset: 3 }).modules).toEqual(whole.slice(3));
    expect(index.searchPage({ sort: 'title' }).modules).toEqual(whole);
  });

  it('answers an empty page past the last match, still counting the matches', () => {
    const whole = index.search({ text: 'police' });
    expect(index.searchPage({ text: 'police' }, { offset: whole.length, limit: 10 })).toEqual({ modules: [], matched: whole.length });
    expect(index.searchPage({ text: 'police' }, { offset: whole.length + 50, limit: 10 })).toEqual({ modules: [], matched: whole.length });
  });

  it('counts zero matches for a search that finds nothing', () => {
    expect(index.searchPage({ text: 'xylophonist' }, { limit: 10 })).toEqual({ modules: [], matched: 0 });
  });
});

describe('library:list request paging', () => {
  const request = contract['library:list'].req;

  it('accepts an offset and a limit with the search', () => {
    expect(request.parse({ text: 'police', sort: 'relevance', offset: 100, limit: 100 })).toEqual({ text: 'police', sort: 'relevance', offset: 100, limit: 100 });
  });

  it.each([
    [{ offset: -1 }, 'a negative offset'],
    [{ offset: 1.5 }, 'a fractional offset'],
    [{ limit: 0 }, 'a limit of zero'],
    [{ limit: 2.5 }, 'a fractional limit'],
    [{ limit: 100_001 }, 'an absurd limit'],
    [{ limit: '10' }, 'a limit given as text'],
    [{ page: 2 }, 'an unknown key'],
  ])('refuses %j (%s)', (body, _why) => {
    expect(request.safeParse(body).success).toBe(false);
  });
});
