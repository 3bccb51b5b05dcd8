/**
 * The corpus of lesson plans the import is tested on, written with the `docx` package in the layouts
 * academies use: heading-based, table-based, a UN-package-like layout ("lesson at a glance" and a lesson
 * map), French and Arabic. Each comes with what it must import as.
 */
import { HeadingLevel, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ISectionOptions } from 'docx';
import { docxBytes, TINY_PNG } from './docx-craft';

type Child = Paragraph | Table;
const h = (level: 0 | 1 | 2 | 3, text: string): Paragraph =>
  new Paragraph({ text, heading: [HeadingLevel.TITLE, HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level] });
const p = (text: string): Paragraph => new Paragraph({ text });
const bullet = (text: string): Paragraph => new Paragraph({ text, bullet: { level: 0 } });
const numbered = (text: string): Paragraph => new Paragraph({ text, numbering: { reference: 'numbered', level: 0 } });
const cell = (text: string | string[]): TableCell => new TableCell({ children: (Array.isArray(text) ? text : [text]).map((t) => new Paragraph(t)) });
const table = (rows: (string | string[])[][]): Table =>
  new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: rows.map((row) => new TableRow({ children: row.map(cell) })) });
const image = (alt: string): Paragraph =>
  new Paragraph({ children: [new ImageRun({ type: 'png', data: TINY_PNG, transformation: { width: 20, height: 20 }, altText: { name: alt, description: alt, title: alt } })] });
export const mixed = (parts: [string, { bold?: boolean; italics?: boolean }?][]): Paragraph =>
  new Paragraph({ children: parts.map(([text, style]) => new TextRun({ text, ...style })) });

export type Expected = { modules: { title: string; lessons: { title: string; code: string; steps: { title: string; minutes: number }[] }[] }[]; language: 'en' | 'fr' | 'ar' };
export type CorpusDocument = { name: string; bytes: () => Promise<Buffer>; expected: Expected };

const doc = (children: Child[]): Promise<Buffer> => docxBytes([{ children } satisfies ISectionOptions]);

/** Layout 1: headings for module, lessons and labelled sections; a timing table under "Lesson map". */
const headingBased: CorpusDocument = {
  name: 'heading-based.docx',
  bytes: () =>
    doc([
      h(0, 'Module 3: Use of force and firearms'),
      p('This module covers the principles of legality, necessity and proportionality.'),
      h(1, 'Lesson 3.1: Principles of necessity'),
      h(2, 'Aim'),
      p('To explain when force may be used by law enforcement officials.'),
      h(2, 'Learning objectives'),
      p('By the end of this lesson, participants will be able to:'),
      bullet('Explain the principle of necessity'),
      bullet('Apply the proportionality test to a scenario'),
      bullet('Identify alternatives to force'),
      h(2, 'Duration'),
      p('60 minutes'),
      h(2, 'Methods'),
      p('Interactive presentation, case study'),
      h(2, 'Materials'),
      bullet('Flip chart and markers'),
      bullet('Copies of the Basic Principles'),
      image('Escalation ladder diagram'),
      h(2, 'Room set-up'),
      p('Tables in groups of five.'),
      h(2, 'Lesson map'),
      table([
        ['Minutes', 'Activity', 'Trainer', 'Participants', 'Method'],
        ['10', 'Introduction', 'Presents the aim of the lesson', 'Listen and ask questions', 'Interactive presentation'],
        ['30', 'Case study: the market', 'Hands out the case and guides the groups', 'Work in groups on the case', 'Case study'],
        ['20', 'Debrief', 'Leads the plenary discussion', 'Report back', 'Discussion'],
      ]),
      h(2, 'Trainer notes'),
      mixed([['Stress that force is '], ['always', { bold: true }], [' the '], ['last resort', { italics: true }], ['.']]),
      h(2, 'Handouts'),
      h(3, 'The three principles'),
      p('Legality, necessity, proportionality.'),
      h(2, 'Evaluation'),
      numbered('What does necessity mean?'),
      p('Answer: Force only when no other means would achieve the lawful objective.'),
      numbered('Name two alternatives to force.'),
      h(2, 'References'),
      p('UN Basic Principles on the Use of Force and Firearms (1990).'),
      h(1, 'Lesson 3.2: Firearms'),
      h(2, 'Aim'),
      p('To set out the rules on firearms.'),
      h(2, 'Learning objectives'),
      bullet('List the conditions for the use of firearms'),
      h(2, 'Lesson map'),
      table([
        ['Time', 'Activity', 'Method'],
        ['15', 'Rules on firearms', 'Lecture'],
        ['25', 'Scenario: the fleeing suspect', 'Scenario exercise'],
      ]),
    ]),
  expected: {
    language: 'en',
    modules: [
      {
        title: 'Use of force and firearms',
        lessons: [
          {
            title: 'Principles of necessity',
            code: '3.1',
            steps: [
              { title: 'Introduction', minutes: 10 },
              { title: 'Case study: the market', minutes: 30 },
              { title: 'Debrief', minutes: 20 },
            ],
          },
          {
            title: 'Firearms',
            code: '3.2',
            steps: [
              { title: 'Rules on firearms', minutes: 15 },
              { title: 'Scenario: the fleeing suspect', minutes: 25 },
            ],
          },
        ],
      },
    ],
  },
};

/** Layout 2: no headings at all; each lesson is a table of labels and values, followed by its timing table. */
const tableBased: CorpusDocument = {
  name: 'table-based.docx',
  bytes: () =>
    doc([
      table([
        ['Lesson title', 'Community policing basics'],
        ['Aim', 'To introduce the philosophy of community policing.'],
        ['Objectives', ['- Describe the principles of community policing', '- Compare reactive and proactive policing']],
        ['Duration', '45 minutes'],
        ['Materials', ['- Projector', '- Handout 1']],
      ]),
      table([
        ['Time (min)', 'Content', 'Trainer activity', 'Participant activity'],
        ['15', 'What is community policing?', 'Presents definitions', 'Discuss in pairs'],
        ['30', 'Problem solving', 'Explains SARA model', 'Apply SARA to a local problem'],
      ]),
      table([
        ['Lesson title', 'Partnerships'],
        ['Aim', 'To show how police work with partners.'],
        ['Learning objectives', 'Analyse a local partnership'],
      ]),
      table([
        ['Duration', 'Activity', 'Participants'],
        ['20 min', 'Mapping partners', 'Draw a map of partners'],
        ['1h', 'Role play: the neighbourhood meeting', 'Play the roles'],
      ]),
    ]),
  expected: {
    language: 'en',
    modules: [
      {
        title: 'table-based',
        lessons: [
          {
            title: 'Community policing basics',
            code: '1.1',
            steps: [
              { title: 'What is community policing?', minutes: 15 },
              { title: 'Problem solving', minutes: 30 },
            ],
          },
          {
            title: 'Partnerships',
            code: '1.2',
            steps: [
              { title: 'Mapping partners', minutes: 20 },
              { title: 'Role play: the neighbourhood meeting', minutes: 60 },
            ],
          },
        ],
      },
    ],
  },
};

/** Layout 3: as UN training packages: Module heading, lessons, "Lesson at a glance" and a lesson map. */
const unPackage: CorpusDocument = {
  name: 'un-package.docx',
  bytes: () =>
    doc([
      h(1, 'Module 2: Human rights in policing'),
      h(2, 'Module overview'),
      p('Human rights are the foundation of policing in a democracy.'),
      h(2, 'Lesson 2.1: Sources of human rights law'),
      h(3, 'Lesson at a glance'),
      table([
        ['Aim', 'To introduce the main sources of international human rights law.'],
        ['Relevance', 'Officers apply these standards daily.'],
        ['Learning objectives', ['1. Name the core human rights treaties', '2. Explain the difference between treaties and declarations']],
        ['Duration', '90 minutes'],
        ['Methods', 'Lecture, discussion'],
        ['Materials', 'Slides 1-12'],
      ]),
      h(3, 'Lesson map'),
      table([
        ['Step', 'Minutes', 'Activity', 'Method'],
        ['1', '15', 'Opening and icebreaker', 'Discussion'],
        ['2', '45', 'The core treaties', 'Lecture'],
        ['3', '30', 'Quiz on treaties', 'Quiz'],
        ['', '90', 'Total', ''],
      ]),
      h(3, 'Trainer notes'),
      p('Bring copies of the treaties.'),
      h(2, 'Lesson 2.2: Police powers and rights'),
      h(3, 'Lesson at a glance'),
      table([
        ['Aim', 'To link police powers to the rights they limit.'],
        ['Learning objectives', 'Evaluate whether a restriction of a right is lawful'],
        ['Duration', '2 hours'],
      ]),
      h(3, 'Lesson map'),
      table([
        ['Minutes', 'Activity'],
        ['60', 'Powers and their limits'],
        ['60', 'Case studies in groups'],
      ]),
      h(1, 'Module 3: Arrest and detention'),
      h(2, 'Lesson 3.1: Lawful arrest'),
      h(3, 'Lesson map'),
      table([
        ['Minutes', 'Activity'],
        ['30', 'Grounds for arrest'],
      ]),
    ]),
  expected: {
    language: 'en',
    modules: [
      {
        title: 'Human rights in policing',
        lessons: [
          {
            title: 'Sources of human rights law',
            code: '2.1',
            steps: [
              { title: 'Opening and icebreaker', minutes: 15 },
              { title: 'The core treaties', minutes: 45 },
              { title: 'Quiz on treaties', minutes: 30 },
            ],
          },
          {
            title: 'Police powers and rights',
            code: '2.2',
            steps: [
              { title: 'Powers and their limits', minutes: 60 },
              { title: 'Case studies in groups', minutes: 60 },
            ],
          },
        ],
      },
      { title: 'Arrest and detention', lessons: [{ title: 'Lawful arrest', code: '3.1', steps: [{ title: 'Grounds for arrest', minutes: 30 }] }] },
    ],
  },
};

/** Layout 4: French, headings, inline labels ("Durée : 1 heure 30"). */
const french: CorpusDocument = {
  name: 'seance-francais.docx',
  bytes: () =>
    doc([
      h(0, 'Module 4 : Police de proximité'),
      h(1, 'Séance 4.1 : Le dialogue avec la population'),
      p('Objectif général : Comprendre le rôle du dialogue dans la prévention.'),
      h(2, "Objectifs d'apprentissage"),
      bullet('Expliquer les principes de la police de proximité'),
      bullet('Concevoir un plan de réunion de quartier'),
      p('Durée : 1 heure 30'),
      h(2, 'Méthodes pédagogiques'),
      p('Exposé interactif, jeux de rôle'),
      h(2, 'Déroulement de la séance'),
      table([
        ['Durée (min)', 'Activité', 'Formateur', 'Participants', 'Méthode'],
        ['20', 'Introduction', 'Présente les objectifs', 'Écoutent', 'Exposé interactif'],
        ['40', 'Jeu de rôle : la réunion', 'Distribue les rôles', 'Jouent la réunion', 'Jeu de rôle'],
        ['30', 'Synthèse', 'Anime le bilan', 'Partagent leurs leçons', 'Discussion'],
      ]),
      h(2, 'Notes pour le formateur'),
      p('Veiller à la parité des rôles.'),
      h(2, 'Évaluation'),
      p('Quels sont les avantages du dialogue ?'),
      p('Réponse : La confiance et le renseignement.'),
    ]),
  expected: {
    language: 'fr',
    modules: [
      {
        title: 'Police de proximité',
        lessons: [
          {
            title: 'Le dialogue avec la population',
            code: '4.1',
            steps: [
              { title: 'Introduction', minutes: 20 },
              { title: 'Jeu de rôle : la réunion', minutes: 40 },
              { title: 'Synthèse', minutes: 30 },
            ],
          },
        ],
      },
    ],
  },
};

/** Layout 5: Arabic, headings and a timing table. */
const arabic: CorpusDocument = {
  name: 'dars-arabi.docx',
  bytes: () =>
    doc([
      h(1, 'الوحدة 5: الاحتجاز والتوقيف'),
      h(2, 'الدرس 5.1: حقوق المحتجزين'),
      h(3, 'الهدف'),
      p('التعريف بحقوق الأشخاص المحتجزين.'),
      h(3, 'أهداف التعلم'),
      bullet('يشرح حقوق المحتجز عند التوقيف'),
      bullet('يطبق إجراءات التسجيل'),
      h(3, 'المدة'),
      p('90 دقيقة'),
      h(3, 'سير الدرس'),
      table([
        ['الوقت (دقيقة)', 'النشاط', 'المدرب', 'المشاركون', 'الطريقة'],
        ['20', 'مقدمة', 'يعرض أهداف الدرس', 'يستمعون', 'محاضرة'],
        ['40', 'دراسة حالة', 'يوزع الحالة', 'يعملون في مجموعات', 'دراسة حالة'],
        ['30', 'نقاش ختامي', 'يدير النقاش', 'يشاركون', 'نقاش'],
      ]),
      h(3, 'ملاحظات للمدرب'),
      p('التأكيد على الحق في الاستعانة بمحام.'),
    ]),
  expected: {
    language: 'ar',
    modules: [
      {
        title: 'الاحتجاز والتوقيف',
        lessons: [
          {
            title: 'حقوق المحتجزين',
            code: '5.1',
            steps: [
              { title: 'مقدمة', minutes: 20 },
              { title: 'دراسة حالة', minutes: 40 },
              { title: 'نقاش ختامي', minutes: 30 },
            ],
          },
        ],
      },
    ],
  },
};

export const CORPUS: CorpusDocument[] = [headingBased, tableBased, unPackage, french, arabic];
