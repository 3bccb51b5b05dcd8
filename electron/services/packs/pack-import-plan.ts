/**
 * What an import would change in the library, computed without writing anything: the modules after each
 * decision, the upstream versions kept as merge bases, and the references the pack adds. The service then
 * writes this plan in one transaction, or nothing at all when it changes nothing.
 */
import { uniqueId } from '../../../shared/domain/ids';
import { structuralProblems } from '../../../shared/domain/module-checks';
import { merge, sameContent, sameModuleContent, threeWay } from '../../../shared/domain/packs/three-way';
import { AppError } from '../../../shared/errors';
import type { LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { ImportAction, ImportDecision, ImportResult, ImportStatus } from '../../../shared/schemas/pack-import';
import type { Reference } from '../../../shared/schemas/reference';
import type { PackContents } from './pack-reader';

export const DEFAULT_ACTION: Readonly<Record<ImportStatus, ImportAction>> = {
  new: 'take-theirs',
  identical: 'keep-mine',
  update: 'take-theirs',
  // Without a common origin nothing tells which side is right: keep local work unless the user decides.
  changed: 'keep-mine',
  merge: 'merge',
  'upstream-unchanged': 'keep-mine',
};

/** How the pack's version compares with the library's (mine) and the version last imported (base). */
export function statusOf(theirs: Module, mine: Module | undefined, base: Module | undefined): ImportStatus {
  if (!mine) return 'new';
  if (sameModuleContent(mine, theirs)) return 'identical';
  if (!base) return 'changed';
  const mineChanged = !sameModuleContent(base, mine);
  const theirsChanged = !sameModuleContent(base, theirs);
  if (!mineChanged) return 'update';
  if (!theirsChanged) return 'upstream-unchanged';
  return 'merge';
}

export type ImportPlan = {
  modules: Module[];
  upstream: Module[];
  references: Reference[];
  written: ImportResult['written'];
  kept: string[];
  /** Modules whose upstream version (the base of the next three-way comparison) is recorded or updated. */
  basesRecorded: string[];
  /** Whether modules or references change (upstream bookkeeping alone does not count). */
  contentChanged: boolean;
};

type PlanOptions = {
  decisions: ReadonlyMap<string, ImportDecision>;
  onConflict: ImportAction | undefined;
  importedAt: string;
};

/** Applies each module's decision (its default action when it has none) to a copy of the library. */
export function planImport(library: LibraryData, contents: PackContents, { decisions, onConflict, importedAt }: PlanOptions): ImportPlan {
  const modules = [...library.modules];
  const upstream = [...library.upstream];
  const written: ImportResult['written'] = [];
  const kept: string[] = [];
  const basesRecorded: string[] = [];
  const ids = new Set([...modules.map((m) => m.id), ...contents.modules.map((m) => m.id)]);
  const known = new Set(ids);
  const { publisher, packId } = contents.manifest;

  const recordBase = (theirs: Module): void => {
    const index = upstream.findIndex((m) => m.id === theirs.id);
    if (index >= 0 && sameContent(upstream[index], theirs)) return;
    if (index >= 0) upstream[index] = theirs;
    else upstream.push(theirs);
    basesRecorded.push(theirs.id);
  };

  for (const theirs of contents.modules) {
    const index = modules.findIndex((m) => m.id === theirs.id);
    const mine = modules[index];
    const base = upstream.find((m) => m.id === theirs.id);
    const status = statusOf(theirs, mine, base);
    const decision = decisions.get(theirs.id);
    const conflicting = status === 'changed' || status === 'merge';
    const action = decision?.action ?? (conflicting && onConflict ? onConflict : DEFAULT_ACTION[status]);
    const incoming = withProvenance(withoutDanglingLinks(theirs, known), packId, publisher, importedAt);
    switch (action) {
      case 'keep-mine':
        kept.push(theirs.id);
        // A module that arrived identical shares the partner's version: their next update is then an update, not a conflict.
        if (status === 'identical') recordBase(theirs);
        continue;
      case 'take-theirs':
        if (mine) modules[index] = { ...incoming, revision: Math.max(mine.revision + 1, theirs.revision), updatedAt: importedAt };
        else modules.push(incoming);
        break;
      case 'keep-both': {
        if (!mine) {
          modules.push(incoming);
          break;
        }
        const id = uniqueId(`${theirs.id}-${publisher}`, ids);
        ids.add(id);
        modules.push({ ...incoming, id, title: `${theirs.title} (${publisher})`, revision: 1, updatedAt: importedAt });
        written.push({ from: theirs.id, moduleId: id, action });
        continue;
      }
      case 'merge': {
        if (!mine || !base) throw new AppError('invalid-argument', `"${theirs.title}" has no earlier upstream version to merge with; choose keep mine, take theirs or keep both`);
        const choices = decision?.fields ?? {};
        const conflicts = new Set(threeWay(base, incoming, mine).conflicts);
        const stray = Object.keys(choices).find((key) => !conflicts.has(key));
        if (stray !== undefined) throw new AppError('invalid-argument', `"${stray}" is not a field that both sides changed in "${theirs.id}"; choose only for ${[...conflicts].join(', ') || 'no field'}`);
        const merged = merge(base, incoming, mine, choices);
        if (merged.lessons.length === 0) {
          throw new AppError('invalid-argument', `Merging "${theirs.title}" would leave it without lessons; take theirs for one of its lessons, or choose keep mine, take theirs or keep both`);
        }
        // Fields merged one by one can disagree: my objectives with their steps citing one I removed.
        const [problem] = structuralProblems(merged, [...library.references, ...contents.references]);
        if (problem) {
          throw new AppError(
            'invalid-argument',
            `Merging "${theirs.title}" as chosen would leave ${problem.path} inconsistent (${problem.message}); take the same side for that lesson's objectives, steps and evaluation, or choose keep mine, take theirs or keep both`,
          );
        }
        if (sameModuleContent(merged, mine)) {
          // Every difference resolved my way: the library keeps my module, the partner's version becomes the base.
          kept.push(theirs.id);
          recordBase(theirs);
          continue;
        }
        modules[index] = { ...merged, provenance: incoming.provenance, revision: mine.revision + 1, updatedAt: importedAt };
        break;
      }
    }
    recordBase(theirs);
    written.push({ from: theirs.id, moduleId: theirs.id, action });
  }

  const localRefs = new Set(library.references.map((r) => r.id));
  const added = contents.references.filter((r) => !localRefs.has(r.id));
  return {
    modules,
    upstream,
    references: added.length > 0 ? [...library.references, ...added] : library.references,
    written,
    kept,
    basesRecorded,
    contentChanged: written.length > 0 || added.length > 0,
  };
}

/** Prerequisites and translation sources that are neither in the library nor in the pack. */
export function danglingLinks(module: Module, known: ReadonlySet<string>): string[] {
  const warnings = module.prerequisites.filter((p) => !known.has(p)).map((p) => `Prerequisite "${p}" is not in your library or this pack; the link is left out.`);
  if (module.translationOf && !known.has(module.translationOf.moduleId)) {
    warnings.push(`It translates "${module.translationOf.moduleId}", which is not in your library or this pack; the link is left out.`);
  }
  return warnings;
}

function withoutDanglingLinks(module: Module, known: ReadonlySet<string>): Module {
  const copy: Module = { ...module, prerequisites: module.prerequisites.filter((p) => known.has(p)) };
  if (copy.translationOf && !known.has(copy.translationOf.moduleId)) delete copy.translationOf;
  return copy;
}

function withProvenance(module: Module, packId: string, publisher: string, importedAt: string): Module {
  return { ...module, provenance: { ...module.provenance, sourcePack: { packId, publisher, revision: module.revision, importedAt } } };
}
