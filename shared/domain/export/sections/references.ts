/** The references annex: every instrument the exported modules cite, in the reference list's order. */
import { isSafeHref } from '../../markdown';
import { heading, run } from '../blocks';
import { cleanText } from '../clean-text';
import type { PlanContext } from '../context';
import { textInlines } from '../inline';
import type { PlanInline, PlanSection } from '../plan';

function citedIds(ctx: PlanContext): Set<string> {
  const ids = new Set<string>();
  for (const m of ctx.modules) {
    for (const id of m.module.references) ids.add(id);
    for (const lesson of m.module.lessons) for (const id of lesson.references) ids.add(id);
  }
  return ids;
}

export function referencesSection(ctx: PlanContext): PlanSection | undefined {
  const ids = citedIds(ctx);
  if (ids.size === 0) return undefined;
  const items: PlanInline[][] = [];
  for (const reference of ctx.input.references) {
    if (!ids.has(reference.id)) continue;
    ids.delete(reference.id);
    const details = [reference.issuer, reference.year === undefined ? '' : String(reference.year)].filter(Boolean).join(ctx.labels.listSeparator);
    const item: PlanInline[] = [
      ...textInlines(reference.shortName, ctx.values, { bold: true, italic: false }),
      run(' – '),
      ...textInlines(reference.title, ctx.values),
      ...(details ? textInlines(` (${details})`, ctx.values) : []),
    ];
    if (reference.url && isSafeHref(reference.url)) item.push(run(' '), { kind: 'link', text: cleanText(reference.url), href: cleanText(reference.url) });
    items.push(item);
  }
  // Ids cited but missing from the list still appear, so the annex never hides a citation.
  for (const id of ids) items.push([run(id)]);
  return {
    id: 'annex-references',
    blocks: [heading(1, ctx.labels.references, ctx.values, ctx.labels.annex), { kind: 'list', ordered: false, start: 1, items }],
  };
}
