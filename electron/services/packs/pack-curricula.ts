/**
 * The curricula a pack carries. Each holds the module snapshots it was built from, so it stands on its own
 * whatever is decided for the library's modules. It is added as a new course of this academy, as a draft
 * (the partner's approval is not this academy's), under its own id or a new one when a local course has
 * that id: an import never changes a course the academy already has.
 */
import { uniqueId } from '../../../shared/domain/ids';
import { upgradeCurriculumSnapshots } from '../../../shared/domain/module-upgrade';
import { describeIssues } from '../../../shared/domain/zod-issues';
import { AppError } from '../../../shared/errors';
import { CurriculumSchema, type Curriculum } from '../../../shared/schemas/curriculum';
import type { PreviewCurriculum } from '../../../shared/schemas/pack-import';
import type { PackCurriculum } from '../../../shared/schemas/pack';

type Checked = { preview: PreviewCurriculum; curriculum: Curriculum | null };

/** Validates the pack's curricula and decides the id each would get next to `localIds`. */
export function checkPackCurricula(packCurricula: readonly PackCurriculum[], localIds: ReadonlySet<string>, publisher: string): Checked[] {
  const taken = new Set(localIds);
  return packCurricula.map((raw) => {
    const parsed = CurriculumSchema.safeParse(upgradeCurriculumSnapshots(raw));
    const title = typeof raw['title'] === 'string' ? raw['title'] : raw.id;
    if (!parsed.success) {
      return {
        preview: { curriculumId: raw.id, title, modules: 0, importAs: raw.id, problem: `It is not a valid curriculum: ${describeIssues(parsed.error.issues)}` },
        curriculum: null,
      };
    }
    const importAs = taken.has(raw.id) ? uniqueId(`${raw.id}-${publisher}`, taken, 'curriculum') : raw.id;
    taken.add(importAs);
    const curriculum = parsed.data;
    return {
      preview: {
        curriculumId: raw.id,
        title: curriculum.title,
        language: curriculum.language,
        modules: curriculum.items.filter((i) => i.kind === 'module').length,
        importAs,
      },
      curriculum,
    };
  });
}

/**
 * The courses to add for the chosen pack curricula (all valid ones when `chosen` is undefined). A pack
 * carrying an invalid curriculum is refused as a whole unless the user left that curriculum out explicitly
 * (`leaveOut`): a partner's course that silently fails to arrive would be noticed only in class.
 */
export function coursesToAdd(
  checked: readonly Checked[],
  { chosen, leaveOut = [], publisher, importedAt }: { chosen: readonly string[] | undefined; leaveOut?: readonly string[]; publisher: string; importedAt: string },
): { from: string; course: Curriculum }[] {
  const byId = new Map(checked.map((c) => [c.preview.curriculumId, c]));
  for (const id of leaveOut) if (!byId.has(id)) throw new AppError('invalid-argument', `The pack has no curriculum "${id}"`);
  const wanted = chosen ?? checked.filter((c) => c.curriculum).map((c) => c.preview.curriculumId);
  const courses = wanted.map((id) => {
    const found = byId.get(id);
    if (!found) throw new AppError('invalid-argument', `The pack has no curriculum "${id}"`);
    if (!found.curriculum) throw new AppError('invalid-argument', `The pack's curriculum "${id}" cannot be imported: ${found.preview.problem ?? 'it is invalid'}`);
    const renamed = found.preview.importAs !== id;
    const course: Curriculum = {
      ...found.curriculum,
      id: found.preview.importAs,
      title: renamed ? `${found.curriculum.title} (${publisher})` : found.curriculum.title,
      status: 'draft',
      createdAt: importedAt,
      updatedAt: importedAt,
    };
    return { from: id, course };
  });
  const unresolved = checked.find((c) => !c.curriculum && !leaveOut.includes(c.preview.curriculumId));
  if (unresolved) {
    throw new AppError(
      'invalid-argument',
      `Nothing was imported: the pack's curriculum "${unresolved.preview.curriculumId}" cannot be imported (${unresolved.preview.problem ?? 'it is invalid'}). Leave it out explicitly to import the rest of the pack.`,
    );
  }
  return courses;
}
