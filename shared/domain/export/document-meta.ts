/** The parts of a plan around its sections: cover, document properties, running header and footer, labels. */
import { THEMES, type Theme } from '../../schemas/themes';
import { textLine } from './blocks';
import type { PlanContext } from './context';
import { exportFileName } from './file-name';
import { markdownBlocks } from './inline';
import { testCoverFacts } from './sections/assessment';
import { formatLabel } from './labels';
import type { ExportPlan, PlanCover, PlanLabels } from './plan';
import { blockTexts } from './plan-text';

export function planCover(ctx: PlanContext): PlanCover {
  const { curriculum: c, labels: l, input } = ctx;
  const facts: PlanCover['facts'] = [];
  const add = (label: string, value: string): void => {
    const text = textLine(value, ctx.values);
    if (text.trim()) facts.push({ label, value: text });
  };
  add(l.organisation, c.academy);
  add(l.courseCode, c.courseCode);
  add(l.version, c.version);
  add(l.status, l[`status.${c.status}`]);
  add(l.date, input.today);
  add(l.audience, c.audiences.map((a) => l[`audience.${a}`]).join(l.listSeparator));
  facts.push(...testCoverFacts(ctx));
  const subtitle = textLine(c.subtitle, ctx.values);
  return {
    title: textLine(c.title, ctx.values),
    ...(subtitle.trim() ? { subtitle } : {}),
    documentKind: l[`document.${ctx.options.variant}`],
    facts,
    ...(input.logo ? { logo: input.logo } : {}),
  };
}

/** Themes of the modules taught, in the controlled list's order. */
function taughtThemes(ctx: PlanContext): Theme[] {
  const found = new Set<Theme>();
  for (const m of ctx.modules) for (const theme of m.module.themes) found.add(theme);
  return THEMES.filter((t) => found.has(t));
}

export function planProperties(ctx: PlanContext): ExportPlan['properties'] {
  const { curriculum: c, labels: l } = ctx;
  const subtitle = textLine(c.subtitle, ctx.values).trim();
  const authors = c.authors.map((a) => textLine(a, ctx.values)).join(l.listSeparator);
  return {
    title: textLine(c.title, ctx.values),
    subject: subtitle || l[`document.${ctx.options.variant}`],
    creator: authors || textLine(c.academy, ctx.values),
    keywords: taughtThemes(ctx).map((t) => l[`theme.${t}`]),
    description: blockTexts(markdownBlocks(c.description, ctx.values)).join('\n'),
  };
}

export function planRunning(ctx: PlanContext): ExportPlan['running'] {
  const { curriculum: c, labels: l } = ctx;
  return {
    header: textLine(c.title, ctx.values),
    footer: formatLabel(l.versionStatus, { version: textLine(c.version, ctx.values), status: l[`status.${c.status}`] }),
  };
}

export function planLabels(ctx: PlanContext): PlanLabels {
  const l = ctx.labels;
  return { pageOfPages: l.pageOfPages, contents: l.contents, contentsHint: l.contentsHint, unfilledPlaceholder: l.unfilledPlaceholder };
}

export function planFileName(ctx: PlanContext): string {
  return exportFileName(ctx.curriculum.title, ctx.curriculum.id, ctx.options.variant);
}
