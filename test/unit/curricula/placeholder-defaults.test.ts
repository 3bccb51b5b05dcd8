import { afterEach, describe, expect, it } from 'vitest';
import { planTexts } from '../../../shared/domain/export/plan-text';
import { ExportRequestSchema } from '../../../shared/schemas/export';
import { openTestServices } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

type Opened = Awaited<ReturnType<typeof openTestServices>>;
const open: Opened[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.store.close();
});

/** Real services over a fresh data folder, with a new course of one module and no placeholder values. */
async function courseWithoutValues() {
  const opened = await openTestServices(await tempDir());
  open.push(opened);
  const { handlers } = opened;
  const course = await handlers['curriculum:create']({ title: 'Defaults course', moduleIds: ['hr-foundations'] });
  const plan = async () => planTexts(await handlers['export:plan'](ExportRequestSchema.parse({ target: { kind: 'curriculum', id: course.id } }))).join('\n');
  const unfilled = async () => (await handlers['curriculum:check']({ id: course.id })).filter((c) => c.code === 'placeholder-unfilled').map((c) => c.params['name']);
  return { handlers, course, plan, unfilled };
}

describe("the academy's placeholder defaults (Settings)", () => {
  it('fill exports and satisfy checks where the course has no value', async () => {
    const { handlers, plan, unfilled } = await courseWithoutValues();
    expect(await unfilled()).toContain('country');
    expect(await plan()).toContain('{country}');

    await handlers['settings:update']({ placeholderDefaults: { country: 'Veridia' } });
    expect(await unfilled()).not.toContain('country');
    expect(await unfilled()).toContain('oversight_body');
    const text = await plan();
    expect(text).toContain('Veridia');
    expect(text).not.toContain('{country}');
  });

  it('give way to the course’s own value', async () => {
    const { handlers, course, plan } = await courseWithoutValues();
    await handlers['settings:update']({ placeholderDefaults: { country: 'Veridia' } });
    await handlers['curriculum:save']({ curriculum: { ...course, placeholders: { country: 'Patria' } }, baseUpdatedAt: course.updatedAt });
    const text = await plan();
    expect(text).toContain('Patria');
    expect(text).not.toContain('Veridia');
    // The course keeps only its own values: the defaults are not copied into it.
    expect((await handlers['curriculum:get']({ id: course.id })).curriculum.placeholders).toEqual({ country: 'Patria' });
  });

  it('are refused at the boundary when a name or a value is invalid', async () => {
    const { handlers } = await courseWithoutValues();
    await expect(handlers['settings:update']({ placeholderDefaults: { 'Not a name': 'x' } })).rejects.toThrow();
  });
});
