import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { jsonBody } from '../../../electron/web/json-body';
import { deepFreeze } from '../../../electron/services/store/deep-freeze';

/** Freezes some subtrees at random: answers mix frozen stored data with fresh envelopes. */
function freezeSome(value: unknown, choose: () => boolean): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (choose()) return deepFreeze(value);
  for (const child of Object.values(value)) freezeSome(child, choose);
  return value;
}

describe('jsonBody: the web harness answers, with frozen parts encoded once', () => {
  it('writes exactly what JSON.stringify writes, whatever is frozen', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.infiniteStream(fc.boolean()), (value, coins) => {
        const expected = JSON.stringify(value);
        const mixed = freezeSome(structuredClone(value), () => coins.next().value as boolean);
        expect(jsonBody(mixed).toString('utf8')).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves out what JSON.stringify leaves out and defers to toJSON, frozen or not', () => {
    const value = { a: undefined, f: () => 1, list: [undefined, () => 2, 'x'], when: new Date(0), nested: Object.freeze({ when: new Date(0), b: undefined }) };
    expect(jsonBody(value).toString()).toBe(JSON.stringify(value));
    expect(jsonBody({ text: 'é ع 😀 "quoted"\n' }).toString('utf8')).toBe(JSON.stringify({ text: 'é ع 😀 "quoted"\n' }));
  });

  it('encodes a frozen object once and reuses its bytes in later answers, down to the shared parts of a changed one', () => {
    // A module snapshot: large, shared by the courses that use it.
    const snapshot = deepFreeze({ id: 'arrest', title: 'Arrest and detention', summary: 'Rights at arrest. '.repeat(200) });
    const course = deepFreeze({ id: 'c', title: 'Course', items: [{ kind: 'module', snapshot }] });
    const stringify = vi.spyOn(JSON, 'stringify');
    const encoded = (value: unknown) => stringify.mock.calls.some(([v]) => v === value);
    try {
      const first = jsonBody({ ok: true, value: { curriculum: course, archived: false } }).toString();
      expect(encoded(snapshot.title)).toBe(true);
      stringify.mockClear();
      const second = jsonBody({ ok: true, value: { curriculum: course, archived: true } }).toString();
      expect(second).toBe(first.replace('"archived":false', '"archived":true'));
      expect([course, course.items, course.items[0], snapshot, course.title, snapshot.title].some(encoded)).toBe(false);
      // A save makes a new course object that shares its snapshot: only the new parts are encoded.
      stringify.mockClear();
      const renamed = deepFreeze({ ...course, title: 'Course, renamed' });
      expect(jsonBody(renamed).toString()).toBe(JSON.stringify(renamed));
      stringify.mockClear();
      jsonBody(deepFreeze({ ...renamed, title: 'Course, renamed again' }));
      expect(encoded('Course, renamed again')).toBe(true);
      expect([snapshot, snapshot.title].some(encoded)).toBe(false);
    } finally {
      stringify.mockRestore();
    }
  });
});
