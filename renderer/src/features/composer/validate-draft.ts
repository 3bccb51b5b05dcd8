/**
 * What would make the store refuse the draft, found before saving so that the designer sees it at the
 * field, in their language. Numbers are kept in range by their fields (they only take valid values), so
 * what is left is text that must not be empty and the shape of the teaching day.
 */
import { clockToMinutes, type Curriculum } from '../../../../shared/schemas/curriculum';

export type DraftProblem = {
  /** The field concerned: "title", "dayTemplate.end", "dayTemplate.breaks.1", "items.<id>.title". */
  path: string;
  /** Translation key of the message under composer.problems. */
  key: string;
  values?: Record<string, string | number>;
};

/** The day template's problems, in the order the form shows its fields. */
function dayProblems(curriculum: Curriculum): DraftProblem[] {
  const { start, end, breaks } = curriculum.dayTemplate;
  const problems: DraftProblem[] = [];
  const dayStart = clockToMinutes(start);
  const dayEnd = clockToMinutes(end);
  if (dayStart >= dayEnd) return [{ path: 'dayTemplate.end', key: 'dayEnd' }];
  let breakMinutes = 0;
  const spans = breaks.map((b, index) => ({ index, start: clockToMinutes(b.start), end: clockToMinutes(b.end) }));
  for (const span of spans) {
    const path = `dayTemplate.breaks.${span.index}`;
    const number = span.index + 1;
    if (span.start >= span.end) problems.push({ path, key: 'breakOrder', values: { number } });
    else if (span.start < dayStart || span.end > dayEnd) problems.push({ path, key: 'breakOutside', values: { number } });
    else if (spans.some((other) => other.index < span.index && other.start < span.end && span.start < other.end)) {
      problems.push({ path, key: 'breakOverlap', values: { number } });
    } else breakMinutes += span.end - span.start;
  }
  if (problems.length === 0 && dayEnd - dayStart - breakMinutes < 1) problems.push({ path: 'dayTemplate.breaks', key: 'noTeachingTime' });
  return problems;
}

export function validateDraft(curriculum: Curriculum): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (curriculum.title.trim() === '') problems.push({ path: 'title', key: 'title' });
  problems.push(...dayProblems(curriculum));
  curriculum.authors.forEach((author, index) => {
    if (author.trim() === '') problems.push({ path: 'authors', key: 'author', values: { number: index + 1 } });
  });
  for (const item of curriculum.items)
    if (item.kind === 'session' && item.title.trim() === '') problems.push({ path: `items.${item.id}.title`, key: 'sessionTitle' });
  curriculum.outcomes.forEach((outcome, index) => {
    if (outcome.text.trim() === '') problems.push({ path: `outcomes.${index}`, key: 'outcomeText', values: { number: index + 1 } });
  });
  curriculum.assessmentStrategy.instruments.forEach((instrument, index) => {
    if (instrument.name.trim() === '') problems.push({ path: `assessmentStrategy.instruments.${index}`, key: 'instrumentName', values: { number: index + 1 } });
  });
  return problems;
}
