import { describe, expect, it, vi } from 'vitest';
import { AnswerMemo } from '../../../electron/services/answer-memo';
import { openTestServices } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

type Source = { version: number };

describe('answers kept while their source does not change', () => {
  it('answers an equal request from memory, and computes again after the source changes version or object', () => {
    const memo = new AnswerMemo<Source, unknown, string>((s) => s.version);
    const source: Source = { version: 1 };
    const compute = vi.fn(() => `answer ${String(source.version)}`);
    expect(memo.answer(source, { text: 'police' }, compute)).toBe('answer 1');
    expect(memo.answer(source, { text: 'police' }, compute)).toBe('answer 1');
    expect(compute).toHaveBeenCalledTimes(1);
    source.version = 2;
    expect(memo.answer(source, { text: 'police' }, compute)).toBe('answer 2');
    expect(compute).toHaveBeenCalledTimes(2);
    memo.answer({ version: 2 }, { text: 'police' }, compute);
    expect(compute).toHaveBeenCalledTimes(3);
  });

  it('keys requests by their JSON in a Map: "__proto__" and "constructor" are requests like any other', () => {
    const memo = new AnswerMemo<Source, unknown, string>((s) => s.version);
    const source = { version: 0 };
    const hostile = JSON.parse('{"text":"__proto__","__proto__":{"polluted":true}}') as unknown;
    expect(memo.answer(source, hostile, () => 'a')).toBe('a');
    expect(memo.answer(source, { text: 'constructor' }, () => 'b')).toBe('b');
    expect(memo.answer(source, hostile, () => 'other')).toBe('a');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('drops the oldest answer beyond its limit', () => {
    const memo = new AnswerMemo<Source, string, string>(() => 0, 2);
    const source = { version: 0 };
    memo.answer(source, 'a', () => 'A');
    memo.answer(source, 'b', () => 'B');
    memo.answer(source, 'c', () => 'C');
    expect(memo.answer(source, 'c', () => 'again')).toBe('C');
    expect(memo.answer(source, 'a', () => 'recomputed')).toBe('recomputed');
  });

  it("serves the library's searches: a repeated search is the same frozen answer, and a saved module shows at once", async () => {
    const services = await openTestServices(await tempDir());
    try {
      const first = await services.library.search({ text: 'police', sort: 'relevance' });
      expect(await services.library.search({ text: 'police', sort: 'relevance' })).toBe(first);
      expect(Object.isFrozen(first.modules)).toBe(true);
      const module = services.store.read('library').modules[0];
      if (!module) throw new Error('a sample module');
      await services.library.save({ module: { ...module, title: 'Zebra crossings and police patrols' }, baseRevision: module.revision, bump: true });
      const after = await services.library.search({ text: 'zebra', sort: 'relevance' });
      expect(after.modules.map((m) => m.id)).toContain(module.id);
      const again = await services.library.search({ text: 'police', sort: 'relevance' });
      expect(again).not.toBe(first);
      expect(again.modules.find((m) => m.id === module.id)?.title).toBe('Zebra crossings and police patrols');
    } finally {
      services.store.close();
    }
  });
});
