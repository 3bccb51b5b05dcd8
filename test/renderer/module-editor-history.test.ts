import { describe, expect, it } from 'vitest';
import { getAt, insertAt, moveItem, removeAt, setAt, toggleIn, ancestors } from '../../renderer/src/features/module-editor/draft-paths';
import { COALESCE_MS, HISTORY_CAP, historyReducer, initHistory, type History, type HistoryAction } from '../../renderer/src/features/module-editor/history';

type Doc = { title: string; items: string[] };
const start: Doc = { title: 'a', items: ['x', 'y', 'z'] };

const set = (value: Doc, at: number, key?: string): HistoryAction<Doc> => ({ type: 'apply', change: () => value, key, at });
const run = (actions: HistoryAction<Doc>[], from: History<Doc> = initHistory(start)) => actions.reduce(historyReducer<Doc>, from);

describe('the editor history', () => {
  it('undoes and redoes changes in order', () => {
    const one = { ...start, title: 'b' };
    const two = { ...start, title: 'c' };
    let h = run([set(one, 1000), set(two, 5000)]);
    expect(h.present).toBe(two);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(one);
    h = historyReducer(h, { type: 'undo' });
    expect(h.present).toBe(start);
    expect(historyReducer(h, { type: 'undo' })).toBe(h);
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toBe(one);
    h = historyReducer(h, { type: 'redo' });
    expect(h.present).toBe(two);
    expect(historyReducer(h, { type: 'redo' })).toBe(h);
  });

  it('forgets the redo branch when a new change is made after an undo', () => {
    let h = run([set({ ...start, title: 'b' }, 1000), { type: 'undo' }]);
    h = historyReducer(h, set({ ...start, title: 'z' }, 9000));
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([start]);
  });

  it('merges typing in one field within a second into one undo step', () => {
    const h = run([
      set({ ...start, title: 'ab' }, 1000, 'title'),
      set({ ...start, title: 'abc' }, 1000 + COALESCE_MS - 1, 'title'),
      set({ ...start, title: 'abcd' }, 1000 + 2 * COALESCE_MS - 2, 'title'),
    ]);
    expect(h.past).toEqual([start]);
    expect(historyReducer(h, { type: 'undo' }).present).toBe(start);
  });

  it('starts a new undo step after a pause, in another field, or for a change without a key', () => {
    const paused = run([set({ ...start, title: 'ab' }, 1000, 'title'), set({ ...start, title: 'abc' }, 1000 + COALESCE_MS, 'title')]);
    expect(paused.past).toHaveLength(2);
    const otherField = run([set({ ...start, title: 'ab' }, 1000, 'title'), set({ ...start, title: 'ab', items: ['q'] }, 1100, 'items.0')]);
    expect(otherField.past).toHaveLength(2);
    const clicks = run([set({ ...start, title: 'ab' }, 1000), set({ ...start, title: 'abc' }, 1001)]);
    expect(clicks.past).toHaveLength(2);
  });

  it('does not merge typing across an undo', () => {
    let h = run([set({ ...start, title: 'ab' }, 1000, 'title'), set({ ...start, title: 'abc' }, 5000, 'title'), { type: 'undo' }]);
    h = historyReducer(h, set({ ...start, title: 'abX' }, 5100, 'title'));
    expect(h.past.map((d) => d.title)).toEqual(['a', 'ab']);
  });

  it(`keeps at most ${HISTORY_CAP} undo steps, dropping the oldest`, () => {
    const actions = Array.from({ length: HISTORY_CAP + 50 }, (_, i) => set({ ...start, title: `t${i}` }, i * 10_000));
    const h = run(actions);
    expect(h.past).toHaveLength(HISTORY_CAP);
    expect(h.past[0]?.title).toBe('t49');
    expect(h.present.title).toBe(`t${HISTORY_CAP + 49}`);
  });

  it('ignores changes that change nothing and clears everything on reset', () => {
    const h = run([{ type: 'apply', change: (d) => d, at: 1 }]);
    expect(h.past).toEqual([]);
    const reset = historyReducer(run([set({ ...start, title: 'b' }, 1)]), { type: 'reset', value: start });
    expect(reset).toEqual(initHistory(start));
  });
});

describe('draft paths', () => {
  const draft = { lessons: [{ code: '1.1', steps: [{ minutes: 10, range: { min: 5, max: 15 } }] }], other: { kept: true } };

  it('sets a nested value, copying only the containers on the way', () => {
    const next = setAt(draft, ['lessons', 0, 'steps', 0, 'minutes'], 12);
    expect(getAt(next, ['lessons', 0, 'steps', 0, 'minutes'])).toBe(12);
    expect(getAt(draft, ['lessons', 0, 'steps', 0, 'minutes'])).toBe(10);
    expect(next.other).toBe(draft.other);
    expect(setAt(draft, ['lessons', 0, 'code'], '1.1')).toBe(draft);
  });

  it('removes an optional key when set to undefined and ignores paths that do not exist', () => {
    const next = setAt(draft, ['lessons', 0, 'steps', 0, 'range'], undefined);
    expect(next.lessons[0]?.steps[0]).toEqual({ minutes: 10 });
    expect(setAt(draft, ['lessons', 5, 'code'], 'x')).toBe(draft);
  });

  it('inserts, removes, moves and toggles list items', () => {
    const doc = { items: ['a', 'b', 'c'] };
    expect(insertAt(doc, ['items'], 'd').items).toEqual(['a', 'b', 'c', 'd']);
    expect(insertAt(doc, ['items'], 'd', 0).items).toEqual(['d', 'a', 'b', 'c']);
    expect(removeAt(doc, ['items'], 1).items).toEqual(['a', 'c']);
    expect(moveItem(doc, ['items'], 0, 1).items).toEqual(['b', 'a', 'c']);
    expect(moveItem(doc, ['items'], 2, 1).items).toEqual(['a', 'c', 'b']);
    expect(moveItem(doc, ['items'], 0, -1)).toBe(doc);
    expect(moveItem(doc, ['items'], 2, 3)).toBe(doc);
    expect(toggleIn(doc, ['items'], 'b', false).items).toEqual(['a', 'c']);
    expect(toggleIn(doc, ['items'], 'e', true).items).toEqual(['a', 'b', 'c', 'e']);
    expect(doc.items).toEqual(['a', 'b', 'c']);
  });

  it('lists a path and its ancestors, deepest first', () => {
    expect(ancestors('lessons.0.steps.2.minutes')).toEqual(['lessons.0.steps.2.minutes', 'lessons.0.steps.2', 'lessons.0.steps', 'lessons.0', 'lessons']);
  });
});
