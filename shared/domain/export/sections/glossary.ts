/**
 * Full curriculum, annex: the glossary, built from the terms the course's modules define. A term defined by
 * several modules is printed once, with every module that defines it; when their definitions differ, each
 * definition is kept with its own modules, since the modules may not mean quite the same thing. Terms are
 * sorted in the document language's alphabetical order (Intl.Collator), ignoring case.
 */
import { headerCell, heading, moduleNumber, paragraph, run } from '../blocks';
import type { PlanContext } from '../context';
import { markdownBlocks, textInlines } from '../inline';
import type { PlanCell, PlanSection } from '../plan';

type Definition = { text: string; modules: string[] };

export type GlossaryTerm = { term: string; definitions: Definition[] };

/** Case, surrounding and repeated white space, and Unicode composition do not make two terms different. */
function termKey(term: string, collator: Intl.Collator): string {
  return term.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase(collator.resolvedOptions().locale);
}

const definitionKey = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ');

/** The course's glossary: terms merged across modules, in collation order. Module numbers as the document prints them. */
export function glossaryTerms(ctx: Pick<PlanContext, 'modules' | 'language'>): GlossaryTerm[] {
  const collator = new Intl.Collator(ctx.language, { sensitivity: 'base' });
  const terms = new Map<string, GlossaryTerm>();
  for (const m of ctx.modules) {
    for (const entry of m.module.glossary) {
      const key = termKey(entry.term, collator);
      let found = terms.get(key);
      if (!found) terms.set(key, (found = { term: entry.term.trim(), definitions: [] }));
      const definition = found.definitions.find((d) => definitionKey(d.text) === definitionKey(entry.definition));
      if (!definition) found.definitions.push({ text: entry.definition, modules: [m.number] });
      else if (!definition.modules.includes(m.number)) definition.modules.push(m.number);
    }
  }
  return [...terms.values()].sort((a, b) => collator.compare(a.term, b.term) || a.term.localeCompare(b.term));
}

function definitionBlocks(definition: Definition, ctx: PlanContext): PlanCell['blocks'] {
  return markdownBlocks(definition.text, ctx.values, 'small');
}

function modulesText(definition: Definition, ctx: PlanContext): string {
  return definition.modules.map((n) => moduleNumber(ctx.labels, n)).join(ctx.labels.listSeparator);
}

export function glossarySection(ctx: PlanContext): PlanSection | undefined {
  const terms = glossaryTerms(ctx);
  if (terms.length === 0) return undefined;
  const l = ctx.labels;
  const rows = terms.map((entry): PlanCell[] => {
    const term: PlanCell = { blocks: [paragraph(textInlines(entry.term, ctx.values, { bold: true, italic: false }), 'small')] };
    if (entry.definitions.length === 1) {
      const [only] = entry.definitions;
      return [term, { blocks: only ? definitionBlocks(only, ctx) : [] }, { blocks: [paragraph([run(only ? modulesText(only, ctx) : '')], 'small')] }];
    }
    // Different definitions: each followed by the modules that give it, so a reader sees who means what.
    const blocks = entry.definitions.flatMap((d) => [...definitionBlocks(d, ctx), paragraph([run(`(${modulesText(d, ctx)})`, { italic: true })], 'small')]);
    const all = [...new Set(entry.definitions.flatMap((d) => d.modules))].map((n) => moduleNumber(l, n)).join(l.listSeparator);
    return [term, { blocks }, { blocks: [paragraph([run(all)], 'small')] }];
  });
  return {
    id: 'annex-glossary',
    blocks: [heading(1, l.glossary, ctx.values, l.annex), { kind: 'table', columns: [2.6, 6, 1.6], header: [[headerCell(l.term), headerCell(l.definition), headerCell(l.modules)]], rows }],
  };
}
