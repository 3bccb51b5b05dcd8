/**
 * The three-way merge of a sync, file by file between git's merge base (base), the local head (mine) and
 * the remote head (theirs). A file changed on one side only is taken from that side. A module changed on
 * both sides is merged field by field with the packs' three-way merge (shared/domain/packs/three-way.ts);
 * fields changed differently on both sides are conflicts. An edit against a delete is a conflict. A course
 * changed on both sides is a conflict on the whole course: its parts (items, timetable, assessment plan)
 * refer to each other, and a merge of them could produce a course nobody planned. References merge by id.
 * Nothing is decided silently: with conflicts and no choice for each, the result is the conflicts alone.
 */
import { structuralProblems } from '../../../shared/domain/module-checks';
import { compareFields, merge as mergeModule, sameContent, sameModuleContent, threeWay, type FieldChoice } from '../../../shared/domain/packs/three-way';
import { AppError } from '../../../shared/errors';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import type { FieldComparison, FieldValue } from '../../../shared/schemas/pack-import';
import type { Reference } from '../../../shared/schemas/reference';
import type { SyncChoice, SyncChoices, SyncConflict, SyncOnConflict } from '../../../shared/schemas/sync';
import { curriculumFile, moduleFile } from '../store/layout';
import type { Loader } from './loader';
import type { FlatTree } from './repo';

export type MergeInput = {
  base: FlatTree;
  mine: FlatTree;
  theirs: FlatTree;
  /** Module and course ids present in any of the three trees. */
  moduleIds: readonly string[];
  courseIds: readonly string[];
  choices: SyncChoices | null;
  onConflict: SyncOnConflict | null;
  now: string;
};

/** What the store must change, and the files the merged tree gets. */
export type MergeOutcome = {
  conflicts: SyncConflict[];
  modules: { put: Module[]; removed: string[]; merged: string[] };
  courses: { put: Curriculum[]; removed: string[] };
  /** The merged reference list, when it differs from mine. */
  references: Reference[] | null;
};

type Side = 'mine' | 'theirs';

const choiceFor = (choices: SyncChoices | null, kind: 'modules' | 'courses' | 'references', id: string): SyncChoice | undefined => {
  const byId = choices?.[kind];
  return byId && Object.hasOwn(byId, id) ? byId[id] : undefined;
};

/** The whole-item side a choice or the --on-conflict policy gives; undefined while undecided. */
function wholeSide(choice: SyncChoice | undefined, onConflict: SyncOnConflict | null): Side | undefined {
  if (choice && 'take' in choice) return choice.take;
  if (onConflict) return onConflict === 'keep-mine' ? 'mine' : 'theirs';
  return undefined;
}

/** A base with no content: every field present on a side counts as added there (both sides added the module). */
function emptyBase(like: Module): Module {
  return { id: like.id, revision: like.revision, updatedAt: like.updatedAt, provenance: like.provenance, lessons: [] } as unknown as Module;
}

const json = (value: unknown): FieldValue => (value === undefined ? { kind: 'absent' } : { kind: 'json', text: JSON.stringify(value, null, 2) });

/** Top-level fields of two courses (or of a course against nothing), for showing a whole-course conflict. */
function courseFields(base: Curriculum | undefined, mine: Curriculum | undefined, theirs: Curriculum | undefined): FieldComparison[] {
  const keys = new Set([...Object.keys(mine ?? {}), ...Object.keys(theirs ?? {})].filter((k) => k !== 'updatedAt'));
  const fields: FieldComparison[] = [];
  const at = (c: Curriculum | undefined, key: string): unknown => (c ? (c as Record<string, unknown>)[key] : undefined);
  for (const key of keys) {
    const [b, m, t] = [at(base, key), at(mine, key), at(theirs, key)];
    if (sameContent(m, t)) continue;
    const source = !base ? 'differs' : sameContent(b, m) ? 'theirs' : sameContent(b, t) ? 'mine' : 'conflict';
    const shape = (value: unknown): FieldValue => (key === 'title' && typeof value === 'string' ? { kind: 'text', text: value } : json(value));
    fields.push({ key, source, ...(base ? { base: shape(b) } : {}), mine: shape(m), theirs: shape(t) });
  }
  return fields;
}

/** Fields one side changed, shown against a delete on the other side. */
function editedAgainstDelete(base: Module | undefined, edited: Module, side: Side): FieldComparison[] {
  const compared = compareFields(base ?? emptyBase(edited), side === 'mine' ? (base ?? emptyBase(edited)) : edited, side === 'mine' ? edited : (base ?? emptyBase(edited)));
  return compared.map((f) => (side === 'mine' ? { ...f, theirs: { kind: 'absent' } } : { ...f, mine: { kind: 'absent' } }));
}

/** A module taken from the remote must show as newer than mine, so courses pinning mine are offered the update. */
function newerThan(theirs: Module, mine: Module | undefined): Module {
  if (!mine || theirs.revision > mine.revision) return theirs;
  return { ...theirs, revision: mine.revision + 1 };
}

export async function mergeTrees(input: MergeInput, load: Loader): Promise<MergeOutcome> {
  const outcome: MergeOutcome = { conflicts: [], modules: { put: [], removed: [], merged: [] }, courses: { put: [], removed: [] }, references: null };
  const { base, mine, theirs } = input;

  // References first: modules are checked against the merged list.
  const references = await mergeReferences(input, load, outcome);

  for (const id of input.moduleIds) {
    const path = moduleFile(id);
    const [b, l, r] = [base.get(path)?.oid, mine.get(path)?.oid, theirs.get(path)?.oid];
    if (l === r || b === r) continue;
    if (b === l) {
      if (!r) outcome.modules.removed.push(id);
      else outcome.modules.put.push(newerThan(await load.module(r, path), l ? await load.module(l, path) : undefined));
      continue;
    }
    const baseModule = b ? await load.module(b, path) : undefined;
    const choice = choiceFor(input.choices, 'modules', id);
    if (!l || !r) {
      // An edit against a delete: only a person can say whether the module goes.
      const edited = await load.module((l ?? r) as string, path);
      const side = wholeSide(choice, input.onConflict);
      if (side === undefined) {
        outcome.conflicts.push({
          kind: 'module',
          id,
          title: edited.title,
          reason: l ? 'deleted-there' : 'deleted-here',
          choose: 'whole',
          fields: editedAgainstDelete(baseModule, edited, l ? 'mine' : 'theirs'),
          conflicts: [],
        });
      } else if (side === 'theirs') {
        if (r) outcome.modules.put.push(edited);
        else outcome.modules.removed.push(id);
      }
      continue;
    }
    const [mineModule, theirsModule] = [await load.module(l, path), await load.module(r, path)];
    const baseOrEmpty = baseModule ?? emptyBase(mineModule);
    const plan = threeWay(baseOrEmpty, theirsModule, mineModule);
    const conflict = (choose: 'fields' | 'whole'): SyncConflict => ({
      kind: 'module',
      id,
      title: mineModule.title,
      reason: baseModule ? 'both-changed' : 'both-added',
      choose,
      fields: compareFields(baseOrEmpty, theirsModule, mineModule),
      conflicts: choose === 'fields' ? plan.conflicts : [],
    });
    const side = wholeSide(choice, input.onConflict);
    let fieldChoices: Record<string, FieldChoice> = {};
    if (plan.conflicts.length > 0) {
      if (choice && 'fields' in choice) fieldChoices = choice.fields;
      else if (side) fieldChoices = Object.fromEntries(plan.conflicts.map((key) => [key, side]));
      else {
        outcome.conflicts.push(conflict('fields'));
        continue;
      }
      const unknown = Object.keys(fieldChoices).find((key) => !plan.conflicts.includes(key));
      if (unknown !== undefined) throw new AppError('invalid-argument', `"${unknown}" is not a conflicting field of "${id}"; choose only for ${plan.conflicts.join(', ')}`);
      if (plan.conflicts.some((key) => !Object.hasOwn(fieldChoices, key))) {
        outcome.conflicts.push(conflict('fields'));
        continue;
      }
    }
    const merged = mergeModule(baseOrEmpty, theirsModule, mineModule, fieldChoices);
    const [problem] = merged.lessons.length === 0 ? [{ path: 'lessons', message: 'no lesson left' }] : structuralProblems(merged, references);
    if (problem) {
      // Fields merged one by one disagree (my objectives, their steps citing one I removed): the whole module is chosen instead.
      if (side === 'mine') continue;
      if (side === 'theirs') {
        outcome.modules.put.push(newerThan(theirsModule, mineModule));
        continue;
      }
      outcome.conflicts.push({ ...conflict('whole'), fields: conflict('whole').fields });
      continue;
    }
    if (sameModuleContent(merged, mineModule) && sameContent(merged.provenance, mineModule.provenance)) continue;
    outcome.modules.put.push({ ...merged, provenance: mineModule.provenance, revision: Math.max(mineModule.revision, theirsModule.revision) + 1, updatedAt: input.now });
    outcome.modules.merged.push(id);
  }

  for (const id of input.courseIds) {
    const path = curriculumFile(id);
    const [b, l, r] = [base.get(path)?.oid, mine.get(path)?.oid, theirs.get(path)?.oid];
    if (l === r || b === r) continue;
    if (b === l) {
      if (!r) outcome.courses.removed.push(id);
      else outcome.courses.put.push(await load.course(r, path, theirs));
      continue;
    }
    const side = wholeSide(choiceFor(input.choices, 'courses', id), input.onConflict);
    if (side === 'mine') continue;
    if (side === 'theirs') {
      if (r) outcome.courses.put.push(await load.course(r, path, theirs));
      else outcome.courses.removed.push(id);
      continue;
    }
    const [bc, lc, rc] = [b ? await load.course(b, path, base) : undefined, l ? await load.course(l, path, mine) : undefined, r ? await load.course(r, path, theirs) : undefined];
    // Two academies that both have a course from the same source (the sample course, a course from one
    // pack) add it with their own dates: the same course, not a conflict. Theirs is taken, as for a module.
    if (!b && lc && rc && sameApartFromDates(lc, rc)) {
      outcome.courses.put.push(rc);
      continue;
    }
    outcome.conflicts.push({
      kind: 'course',
      id,
      title: (lc ?? rc)?.title ?? id,
      reason: !l ? 'deleted-here' : !r ? 'deleted-there' : b ? 'both-changed' : 'both-added',
      choose: 'whole',
      fields: courseFields(bc, lc, rc),
      conflicts: [],
    });
  }
  return outcome;
}

/** References by id: one-sided changes and additions taken; a reference is never removed by a sync; both changed is a conflict. */
async function mergeReferences(input: MergeInput, load: Loader, outcome: MergeOutcome): Promise<Reference[]> {
  const [b, l, r] = [input.base, input.mine, input.theirs].map((tree) => tree.get('library/references.json')?.oid);
  const mine = l ? await load.references(l) : [];
  if (l === r || b === r || !r) return mine;
  const theirs = await load.references(r);
  if (b === l) {
    const merged = [...theirs, ...mine.filter((m) => !theirs.some((t) => t.id === m.id))];
    outcome.references = merged;
    return merged;
  }
  const base = b ? await load.references(b) : [];
  const byId = (list: Reference[], id: string) => list.find((x) => x.id === id);
  const merged: Reference[] = [];
  let changed = false;
  for (const id of [...new Set([...mine.map((x) => x.id), ...theirs.map((x) => x.id)])]) {
    const [bx, mx, tx] = [byId(base, id), byId(mine, id), byId(theirs, id)];
    if (!tx || sameContent(mx, tx) || sameContent(bx, tx)) {
      if (mx) merged.push(mx);
      else if (tx) merged.push(tx);
      continue;
    }
    if (!mx || sameContent(bx, mx)) {
      merged.push(tx);
      changed = true;
      continue;
    }
    const side = wholeSide(choiceFor(input.choices, 'references', id), input.onConflict);
    if (side === undefined) {
      outcome.conflicts.push({
        kind: 'reference',
        id,
        title: mx.shortName,
        reason: bx ? 'both-changed' : 'both-added',
        choose: 'whole',
        fields: [{ key: 'reference', source: bx ? 'conflict' : 'differs', ...(bx ? { base: json(bx) } : {}), mine: json(mx), theirs: json(tx) }],
        conflicts: [],
      });
      merged.push(mx);
      continue;
    }
    merged.push(side === 'mine' ? mx : tx);
    changed ||= side === 'theirs';
  }
  if (changed) outcome.references = merged;
  return merged;
}

/** Whether two courses hold the same content, whenever each was created or last saved. */
function sameApartFromDates(a: Curriculum, b: Curriculum): boolean {
  const content = ({ createdAt: _created, updatedAt: _updated, ...rest }: Curriculum) => JSON.stringify(rest);
  return content(a) === content(b);
}
