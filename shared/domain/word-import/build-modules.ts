/**
 * Second half of the mapping: turns the drafts of map-document.ts into modules that pass the module schema,
 * as drafts with provenance. What the document did not say is never invented silently: a required text the
 * document lacks gets "To complete." and an entry in `toCheck`, a guessed value (a Bloom level, a method,
 * minutes) gets an entry in `toCheck`, and text no field claimed goes into a "not placed" trainer note.
 */
import { markdownToPlainText } from '../markdown';
import type { Language } from '../languages';
import type { EvaluationItem, Handout, ImportCheck, ImportCheckCode, Lesson, Method, Module, Step } from '../../schemas/module';
import { bloomFromObjective } from './bloom-verbs';
import type { DraftLesson, DraftModule, Piece } from './map-document';
import type { SectionField } from './labels';
import { IMPORT_TEXTS } from './texts';
import { methodsIn, parseMinutes } from './values';

type Objective = Module['lessons'][number]['objectives'][number];
export type BuildContext = { fileName: string; importedAt: string; language: Language; author: string | null };

const SHORT = 300;
const LONG = 20_000;

/** Builds one module from its draft; `id` is chosen by the caller (unique in the library). */
export function buildModule(draft: DraftModule, index: number, id: string, context: BuildContext): Module {
  const text = IMPORT_TEXTS[context.language];
  const checks: ImportCheck[] = [];
  const check = (path: string, code: ImportCheckCode, detail?: string): void => {
    checks.push({ path, code, ...(detail ? { detail: clip(detail, SHORT) } : {}) });
  };
  const moduleNumber = draft.number !== null && /^\d{1,2}$/.test(draft.number) ? draft.number : String(index + 1);
  const drafts = draft.lessons.length > 0 ? draft.lessons : [{ title: draft.title, number: null, fields: new Map(), stepTables: [], images: [], notPlaced: [], implicit: true } as DraftLesson];
  if (draft.lessons.length > 12) check('lessons', 'too-many', `${draft.lessons.length} lessons; a module holds 12`);
  const ids = { step: 0, handout: 0, question: 0 };
  // Codes the document gives ("Lesson 3.2") are kept; lessons without one take the next free code.
  const usedCodes = new Set<string>(drafts.slice(0, 12).flatMap((lesson) => (lesson.number !== null && /^\d{1,2}\.\d{1,2}$/.test(lesson.number) ? [lesson.number] : [])));
  const lessons = drafts.slice(0, 12).map((lesson, li) => buildLesson(lesson, li, moduleNumber, usedCodes, ids, context, check));
  // A document may number two lessons alike; the second takes the next free code (packs match lessons by code).
  const seen = new Set<string>();
  for (const lesson of lessons) {
    for (let n = 1; seen.has(lesson.code) && n < 100; n += 1) if (!usedCodes.has(`${moduleNumber}.${n}`)) lesson.code = `${moduleNumber}.${n}`;
    seen.add(lesson.code);
    usedCodes.add(lesson.code);
  }
  // Lessons past the twelfth are kept as text in the last lesson's notes rather than dropped.
  const overflow = drafts.slice(12).flatMap((lesson) => [{ block: -1, text: `**${lesson.title}**` }, ...allPieces(lesson)]);
  const firstNotes = draft.notPlaced;
  if (firstNotes.length > 0 && lessons[0]) lessons[0].trainerNotes = appendNotPlaced(lessons[0].trainerNotes, firstNotes, text.notPlaced);
  const last = lessons[lessons.length - 1];
  if (overflow.length > 0 && last) last.trainerNotes = appendNotPlaced(last.trainerNotes, overflow, text.notPlaced);

  const title = clip(draft.title.trim() || context.fileName, SHORT);
  if (draft.implicit) check('title', 'module-title', title);
  const summaryText = markdown(draft.fields.get('summary') ?? []);
  if (summaryText === '') check('summary', 'module-summary');
  const outcomes = (draft.fields.get('outcomes') ?? []).map((p) => clip(plain(p.text), SHORT)).filter((t) => t !== '');
  const fromObjectives = lessons.flatMap((lesson) => lesson.objectives.map((o) => o.text));
  if (outcomes.length === 0) check('learningOutcomes', 'learning-outcomes');
  check('themes', 'themes');
  check('audiences', 'audiences');
  check('level', 'level');
  check('license', 'license');
  return {
    id,
    revision: 1,
    updatedAt: context.importedAt,
    title,
    summary: clip(summaryText, LONG) || text.toComplete,
    language: context.language,
    themes: ['human-rights-foundations'],
    audiences: ['in-service-officers'],
    level: 'basic',
    prerequisites: [],
    learningOutcomes: (outcomes.length > 0 ? outcomes : fromObjectives.length > 0 ? fromObjectives : [text.toComplete]).slice(0, 20),
    lessons,
    references: [],
    glossary: [],
    license: 'All rights reserved',
    provenance: {
      author: clip(context.author ?? context.fileName, SHORT),
      sourceDocument: { fileName: clip(context.fileName, SHORT), importedAt: context.importedAt, draft: true, toCheck: checks.slice(0, 2000) },
    },
  };
}

type Check = (path: string, code: ImportCheckCode, detail?: string) => void;

function buildLesson(draft: DraftLesson, li: number, moduleNumber: string, usedCodes: Set<string>, ids: { step: number; handout: number; question: number }, context: BuildContext, check: Check): Lesson {
  const text = IMPORT_TEXTS[context.language];
  const at = `lessons.${li}`;
  const notPlaced: Piece[] = [...draft.notPlaced];
  const field = (name: SectionField): Piece[] => draft.fields.get(name) ?? [];

  const given = draft.number !== null && /^\d{1,2}\.\d{1,2}$/.test(draft.number) ? draft.number : null;
  let code = given ?? `${moduleNumber}.${li + 1}`;
  if (given === null) {
    for (let n = li + 1; usedCodes.has(code) && n < 100; n += 1) code = `${moduleNumber}.${n}`;
    usedCodes.add(code);
  }
  if (draft.implicit) check(`${at}.title`, 'lesson-title', draft.title);

  const aim = markdown([...field('aim'), ...field('summary')]);
  if (aim === '') check(`${at}.aim`, 'aim');
  const relevance = markdown(field('relevance'));
  if (relevance === '') check(`${at}.relevance`, 'relevance');

  const objectives: Objective[] = [];
  for (const piece of field('objectives')) {
    const line = plain(piece.text);
    // "By the end of the lesson, participants will be able to:" introduces the list; it is not an objective.
    if (line === '' || /[:：]$/.test(line.trim())) {
      if (line !== '') notPlaced.push(piece);
      continue;
    }
    if (objectives.length >= 20) {
      notPlaced.push(piece);
      continue;
    }
    const bloom = bloomFromObjective(line);
    const index = objectives.length;
    if (bloom === null) check(`${at}.objectives.${index}.bloom`, 'bloom', line);
    if (line.length > SHORT) check(`${at}.objectives.${index}.text`, 'shortened', line);
    objectives.push({ id: `o${index + 1}`, text: clip(line, SHORT), bloom: bloom ?? 'understand' });
  }
  if (objectives.length === 0) check(`${at}.objectives`, 'no-objectives');

  const methods = new Set<Method>(field('methods').flatMap((piece) => {
    const found = methodsIn(piece.text);
    if (found.length === 0) notPlaced.push(piece);
    return found;
  }));

  const steps: Step[] = [];
  for (const table of draft.stepTables) {
    for (const row of table.rows.slice(table.columns.headerRows)) {
      const cell = (column: number | null): string => (column === null ? '' : (row[column] ?? '').trim());
      const activity = cell(table.columns.activity);
      if (/^(?:total|المجموع|الاجمالي)\b/iu.test(plain(activity)) || row.every((c) => c.trim() === '')) continue;
      if (steps.length >= 40) {
        notPlaced.push({ block: table.block, text: row.join(' | ') });
        continue;
      }
      steps.push(buildStep(row, table.columns, `${at}.steps.${steps.length}`, ++ids.step, text, check));
    }
  }
  for (const piece of field('steps')) {
    // A lesson map written as lines: "10 min – Introduction".
    const minutes = /(\d{1,3})\s*(?:min|minutes|دقيقه|دقائق|دقيقة)/iu.test(piece.text) ? parseMinutes(piece.text) : null;
    if (minutes && steps.length < 40) {
      const title = plain(piece.text).replace(/\(?\d{1,3}\s*(?:min(?:utes)?|دقيقة|دقائق)\)?\s*[-–—:]?\s*/iu, '').trim() || text.step(steps.length + 1);
      steps.push({ id: `s${++ids.step}`, title: clip(title, SHORT), minutes: minutes.minutes, method: methodsIn(title)[0] ?? 'discussion', trainerActivity: clip(piece.text, LONG), participantActivity: text.toComplete, objectives: [] });
      check(`${at}.steps.${steps.length - 1}.participantActivity`, 'participant-activity', title);
      if (!methodsIn(title)[0]) check(`${at}.steps.${steps.length - 1}.method`, 'step-method', title);
    } else notPlaced.push(piece);
  }
  for (const step of steps) methods.add(step.method);
  if (steps.length === 0) {
    const duration = parseMinutes(plain(markdown(field('duration'))));
    steps.push({ id: `s${++ids.step}`, title: clip(draft.title || text.step(1), SHORT), minutes: duration?.minutes ?? 60, method: [...methods][0] ?? 'lecture', trainerActivity: text.toComplete, participantActivity: text.toComplete, objectives: objectives.map((o) => o.id) });
    check(`${at}.steps`, 'no-steps', duration ? `${duration.minutes}` : undefined);
  } else if (field('duration').length > 0) {
    const duration = parseMinutes(plain(markdown(field('duration'))));
    const total = steps.reduce((sum, s) => sum + s.minutes, 0);
    if (duration === null || duration.minutes !== total) notPlaced.push(...field('duration'));
  }

  const materials = field('materials').map((p) => plain(p.text)).filter((t) => t !== '').map((t) => clip(t, SHORT));
  for (const image of draft.images) {
    materials.push(clip(text.missingImage(image.alt, image.name), SHORT));
    check(`${at}.materials.${materials.length - 1}`, 'image', image.alt || image.name);
  }
  if (materials.length > 40) notPlaced.push(...materials.slice(40).map((m) => ({ block: -1, text: m })));

  const handouts = buildHandouts(field('handouts'), ids, text.handout, at, check);
  const evaluation = buildEvaluation(field('evaluation'), objectives, ids, text.toComplete, at, check, notPlaced);

  let trainerNotes = markdown(field('trainerNotes'));
  const references = markdown(field('references'));
  if (references !== '') {
    trainerNotes = joinParagraphs(trainerNotes, `**${text.references}**\n\n${references}`);
    check(`${at}.trainerNotes`, 'references');
  }
  trainerNotes = appendNotPlaced(trainerNotes, [...notPlaced, ...field('glance')], text.notPlaced);
  if (notPlaced.length > 0) check(`${at}.trainerNotes`, 'not-placed', `${notPlaced.length}`);

  return {
    code,
    title: clip(plain(draft.title) || text.step(li + 1), SHORT),
    optional: false,
    aim: clip(aim, LONG) || text.toComplete,
    relevance: clip(relevance, LONG) || text.toComplete,
    objectives,
    methods: [...methods],
    materials: materials.slice(0, 40),
    roomSetup: clip(markdown(field('roomSetup')), LONG),
    steps,
    trainerNotes: clip(trainerNotes, LONG),
    handouts,
    evaluation,
    references: [],
  };
}

function buildStep(row: readonly string[], columns: DraftLesson['stepTables'][number]['columns'], at: string, n: number, text: (typeof IMPORT_TEXTS)[Language], check: Check): Step {
  const cell = (column: number | null): string => (column === null ? '' : (row[column] ?? '').trim());
  const activity = cell(columns.activity);
  const trainer = cell(columns.trainer);
  const participant = cell(columns.participant);
  const titleSource = plain(activity || trainer || participant).split('\n')[0] ?? '';
  const title = clip(titleSource, SHORT) || text.step(n);
  const minutes = parseMinutes(cell(columns.minutes));
  if (minutes === null) check(`${at}.minutes`, 'step-minutes', title);
  const method = methodsIn(cell(columns.method))[0] ?? methodsIn(`${activity} ${trainer}`)[0];
  if (method === undefined) check(`${at}.method`, 'step-method', title);
  const trainerText = trainer || activity;
  if (trainerText === '') check(`${at}.trainerActivity`, 'trainer-activity', title);
  if (participant === '') check(`${at}.participantActivity`, 'participant-activity', title);
  const range = minutes?.range && minutes.range.max <= 480 ? { range: minutes.range } : {};
  return {
    id: `s${n}`,
    title,
    minutes: Math.min(480, Math.max(1, minutes?.minutes ?? 10)),
    ...range,
    method: method ?? 'discussion',
    trainerActivity: clip(cellMarkdown(trainerText), LONG) || text.toComplete,
    participantActivity: clip(cellMarkdown(participant), LONG) || text.toComplete,
    objectives: [],
  };
}

function buildHandouts(pieces: readonly Piece[], ids: { handout: number }, fallbackTitle: string, at: string, check: Check): Handout[] {
  const groups: { title: string; body: Piece[] }[] = [];
  for (const piece of pieces) {
    if (piece.heading || groups.length === 0) groups.push({ title: piece.heading ? plain(piece.text) : fallbackTitle, body: piece.heading ? [] : [piece] });
    else groups[groups.length - 1]?.body.push(piece);
  }
  return groups
    .filter((group) => group.body.length > 0)
    .slice(0, 20)
    .map((group, index) => {
      if (group.title === fallbackTitle) check(`${at}.handouts.${index}.title`, 'lesson-title', fallbackTitle);
      return { id: `h${++ids.handout}`, title: clip(group.title, SHORT), body: clip(markdown(group.body), LONG) };
    });
}

const ANSWER = /^(?:answer|expected answer|model answer|réponse attendue|reponse attendue|réponse|reponse|corrigé|الإجابة|الاجابة|الإجابة النموذجية|الجواب)\s*[:：]\s*/iu;
const OPTION = /^\(?([a-hA-H]|[أبجده])[).]\s+(.+)$/u;

function buildEvaluation(pieces: readonly Piece[], objectives: readonly Objective[], ids: { question: number }, toComplete: string, at: string, check: Check, notPlaced: Piece[]): EvaluationItem[] {
  const items: { question: string; answer: string; options: string[] }[] = [];
  for (const piece of pieces) {
    const line = piece.text.trim();
    const last = items[items.length - 1];
    const answer = ANSWER.exec(plain(line));
    const option = OPTION.exec(plain(line));
    if (answer && last) last.answer = joinParagraphs(last.answer, plain(line).slice(answer[0].length));
    else if (option && last && !piece.list?.ordered) last.options.push(option[2] ?? '');
    else if (/[:：]$/.test(line) && items.length === 0) notPlaced.push(piece);
    else items.push({ question: line, answer: '', options: [] });
  }
  if (items.length > 0 && objectives.length === 0) {
    // An item must test an objective of its lesson; without one, the questions stay as text.
    notPlaced.push(...pieces);
    return [];
  }
  return items.slice(0, 40).map((item, index) => {
    const path = `${at}.evaluation.${index}`;
    if (item.answer === '') check(`${path}.answer`, 'answer', plain(item.question));
    check(`${path}.objective`, 'evaluation-objective', plain(item.question));
    const multiple = item.options.length >= 2;
    return {
      id: `q${++ids.question}`,
      question: clip(item.question, LONG),
      type: multiple ? 'multiple-choice' : 'open',
      kind: 'written',
      minutes: multiple ? 1 : 3,
      ...(multiple ? { options: item.options.slice(0, 8).map((o) => clip(o, SHORT)) } : {}),
      answer: clip(item.answer, LONG) || toComplete,
      objective: objectives[0]?.id ?? 'o1',
      use: ['post-test'],
    };
  });
}

/** Pieces as Markdown: consecutive list items stay one list, paragraphs are separated by blank lines. */
export function markdown(pieces: readonly Piece[]): string {
  let out = '';
  let previousList = false;
  let number = 0;
  for (const piece of pieces) {
    const text = piece.heading ? `**${plain(piece.text)}**` : piece.text.trim();
    if (text === '') continue;
    if (piece.list) {
      number = previousList ? number + 1 : 1;
      const marker = piece.list.ordered ? `${number}.` : '-';
      out += `${out === '' ? '' : previousList ? '\n' : '\n\n'}${marker} ${text.replace(/\n+/g, ' ')}`;
      previousList = true;
    } else {
      out += `${out === '' ? '' : '\n\n'}${text}`;
      previousList = false;
    }
  }
  return out;
}

/** A cell's lines ("- a", "1. b", text) as Markdown: list lines stay lines, others become paragraphs. */
const cellMarkdown = (cell: string): string =>
  cell
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .reduce((out, line, index, lines) => (index === 0 ? line : `${out}${/^(?:-|\d+\.)\s/.test(line) && /^(?:-|\d+\.)\s/.test(lines[index - 1] ?? '') ? '\n' : '\n\n'}${line}`), '');

const plain = (text: string): string => markdownToPlainText(text).replace(/\s+/g, ' ').trim();
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const joinParagraphs = (a: string, b: string): string => (a === '' ? b : b === '' ? a : `${a}\n\n${b}`);

function allPieces(lesson: DraftLesson): Piece[] {
  return [...[...lesson.fields.values()].flat(), ...lesson.notPlaced];
}

function appendNotPlaced(notes: string, pieces: readonly Piece[], heading: string): string {
  if (pieces.length === 0) return notes;
  return joinParagraphs(notes, `**${heading}**\n\n${markdown(pieces.map((p) => ({ ...p, heading: false })))}`);
}
