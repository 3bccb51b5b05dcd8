import { useTranslation } from 'react-i18next';
import { lessonMinutes } from '../../../../shared/domain/durations';
import { BLOOM_LEVELS, EVALUATION_TYPES, METHODS, type Lesson, type Module } from '../../../../shared/schemas/module';
import type { Reference } from '../../../../shared/schemas/reference';
import { Duration } from '../../components/Duration';
import { addObjective, deleteObjective, freeLocalId, newEvaluationItem, newHandout, newStep, setEvaluationType, setSensitivity, setStepRange, type EvaluationType } from './draft-ops';
import { fieldId, insertAt, type Path } from './draft-paths';
import { useEditor } from './editor-context';
import { addButtonId, Checkbox, CheckboxGroup, ItemControls, NumberField, SelectField, TextArea, TextField, TextList, type Choice } from './fields';
import { referenceChoices } from './ModuleForm';

const USES = ['pre-test', 'post-test'] as const;

function isEvaluationType(value: string): value is EvaluationType {
  return (EVALUATION_TYPES as readonly string[]).includes(value);
}

/** "o2: Explain the legality principle", shortened so a select or checkbox stays on one line. */
function objectiveLabel(id: string, text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  return short ? `${id}: ${short}` : id;
}

/** The form of one lesson: its texts, objectives, lesson map (steps), handouts, evaluation and references. */
export function LessonForm({ lesson, index, references }: { lesson: Lesson; index: number; references: readonly Reference[] }) {
  const { t } = useTranslation();
  const at: Path = ['lessons', index];
  const objectiveChoices: Choice[] = lesson.objectives.map((o) => ({ value: o.id, label: objectiveLabel(o.id, o.text) }));

  return (
    <section id={fieldId(at)} className="editor-form" aria-labelledby="lesson-form-title">
      <h2 id="lesson-form-title">{t('editor.lesson.heading', { code: lesson.code, title: lesson.title })}</h2>
      <p className="muted">
        {t('editor.lesson.duration')} <Duration minutes={lessonMinutes({ steps: lesson.steps.filter((s) => Number.isFinite(s.minutes)) })} />
      </p>

      <div className="panel">
        <div className="editor-row">
          <TextField path={[...at, 'code']} label={t('editor.field.code')} value={lesson.code} content={false} help={t('editor.help.code')} className="editor-field--narrow" />
          <TextField path={[...at, 'title']} label={t('editor.field.lessonTitle')} value={lesson.title} />
        </div>
        <TextArea path={[...at, 'aim']} label={t('editor.field.aim')} value={lesson.aim} />
        <TextArea path={[...at, 'relevance']} label={t('editor.field.relevance')} value={lesson.relevance} />
      </div>

      <Objectives lesson={lesson} index={index} />

      <div className="panel">
        <CheckboxGroup
          path={[...at, 'methods']}
          legend={t('editor.field.methods')}
          choices={METHODS.map((m) => ({ value: m, label: t(`editor.method.${m}`) }))}
          selected={lesson.methods}
        />
        <TextList
          path={[...at, 'materials']}
          legend={t('editor.field.materials')}
          items={lesson.materials}
          itemLabel={(n) => t('editor.label.material', { n })}
          itemName={(n) => t('editor.item.material', { n })}
          addLabel={t('editor.add.material')}
        />
        <TextArea path={[...at, 'roomSetup']} label={t('editor.field.roomSetup')} value={lesson.roomSetup} rows={2} />
      </div>

      <Steps lesson={lesson} at={at} objectiveChoices={objectiveChoices} />

      <div className="panel">
        <TextArea path={[...at, 'trainerNotes']} label={t('editor.field.trainerNotes')} value={lesson.trainerNotes} help={t('editor.help.trainerOnly')} />
      </div>

      <Handouts lesson={lesson} at={at} />
      <Evaluation lesson={lesson} at={at} objectiveChoices={objectiveChoices} />

      <div className="panel">
        <CheckboxGroup path={[...at, 'references']} legend={t('editor.field.lessonReferences')} choices={referenceChoices(references)} selected={lesson.references} scroll />
      </div>
    </section>
  );
}

function Objectives({ lesson, index }: { lesson: Lesson; index: number }) {
  const { t } = useTranslation();
  const { apply, focusLater, problems } = useEditor();
  const listPath: Path = ['lessons', index, 'objectives'];
  const groupProblems = problems.get(`lessons.${index}.objectives`) ?? [];
  const errorId = `${fieldId(listPath)}-error`;
  return (
    <fieldset id={fieldId(listPath)} className="panel editor-section" aria-describedby={groupProblems.length > 0 ? `${fieldId(listPath)}-help ${errorId}` : `${fieldId(listPath)}-help`}>
      <legend>{t('editor.field.objectives')}</legend>
      <p id={`${fieldId(listPath)}-help`} className="editor-help">
        {t('editor.help.objectives')}
      </p>
      {lesson.objectives.length === 0 ? (
        <p className="muted">{t('editor.emptyList')}</p>
      ) : (
        <ol className="editor-list">
          {lesson.objectives.map((objective, i) => (
            // Objective ids can repeat in broken data, so the position is the reliable key.
            <li key={i} id={fieldId([...listPath, i])} className="editor-list__row editor-objective">
              <TextField path={[...listPath, i, 'text']} label={t('editor.label.objective', { id: objective.id })} value={objective.text} />
              <SelectField
                path={[...listPath, i, 'bloom']}
                label={t('editor.field.bloom')}
                value={objective.bloom}
                choices={BLOOM_LEVELS.map((b) => ({ value: b, label: t(`editor.bloom.${b}`) }))}
              />
              <ItemControls
                listPath={listPath}
                index={i}
                count={lesson.objectives.length}
                name={t('editor.item.objective', { id: objective.id })}
                onRemove={() => {
                  apply((draft) => deleteObjective(draft, index, i));
                  focusLater(addButtonId(listPath));
                }}
              />
            </li>
          ))}
        </ol>
      )}
      <button
        id={addButtonId(listPath)}
        type="button"
        className="button button--small"
        onClick={() => {
          apply((draft) => addObjective(draft, index));
          focusLater(fieldId([...listPath, lesson.objectives.length, 'text']));
        }}
      >
        {t('editor.add.objective')}
      </button>
      {groupProblems.length > 0 && (
        <p id={errorId} className="editor-error">
          {groupProblems.map((p) => t(p.key, p.values)).join(' ')}
        </p>
      )}
    </fieldset>
  );
}

/** The optional warning on a step or handout, and whether participants may see the material. */
function Sensitivity({ owner, value }: { owner: Path; value: { warning: string; participantVisible: boolean } | undefined }) {
  const { t } = useTranslation();
  const { apply, edit } = useEditor();
  return (
    <div className="editor-sensitivity">
      <Checkbox
        path={[...owner, 'sensitivity']}
        label={t('editor.field.sensitive')}
        checked={value !== undefined}
        onChange={(on) => {
          apply((draft) => setSensitivity(draft, owner, on));
        }}
      />
      {value && (
        <>
          <TextField path={[...owner, 'sensitivity', 'warning']} label={t('editor.field.warning')} value={value.warning} help={t('editor.help.warning')} />
          <Checkbox
            path={[...owner, 'sensitivity', 'participantVisible']}
            label={t('editor.field.participantVisible')}
            checked={value.participantVisible}
            onChange={(on) => {
              edit([...owner, 'sensitivity', 'participantVisible'], on);
            }}
          />
        </>
      )}
    </div>
  );
}

/** Adds an item at the end of a list and puts the cursor in its first field. */
function AddButton({ listPath, label, item, firstField }: { listPath: Path; label: string; item: (draft: Module) => unknown; firstField: Path }) {
  const { apply, focusLater } = useEditor();
  return (
    <button
      id={addButtonId(listPath)}
      type="button"
      className="button button--small"
      onClick={() => {
        apply((draft) => insertAt(draft, listPath, item(draft)));
        focusLater(fieldId(firstField));
      }}
    >
      {label}
    </button>
  );
}

function ListProblems({ path }: { path: Path }) {
  const { t } = useTranslation();
  const { problems } = useEditor();
  const own = problems.get(path.join('.')) ?? [];
  if (own.length === 0) return null;
  return (
    <p id={`${fieldId(path)}-error`} className="editor-error">
      {own.map((p) => t(p.key, p.values)).join(' ')}
    </p>
  );
}

function Steps({ lesson, at, objectiveChoices }: { lesson: Lesson; at: Path; objectiveChoices: Choice[] }) {
  const { t } = useTranslation();
  const { apply } = useEditor();
  const listPath: Path = [...at, 'steps'];
  const methodChoices = METHODS.map((m) => ({ value: m, label: t(`editor.method.${m}`) }));
  return (
    <section id={fieldId(listPath)} className="panel editor-section" aria-labelledby={`${fieldId(listPath)}-title`}>
      <h3 id={`${fieldId(listPath)}-title`}>{t('editor.field.steps')}</h3>
      <p className="editor-help">{t('editor.help.steps')}</p>
      <ListProblems path={listPath} />
      <ol className="editor-items">
        {lesson.steps.map((step, i) => {
          const stepPath: Path = [...listPath, i];
          return (
            <li key={i}>
              <fieldset id={fieldId(stepPath)} className="editor-item">
                <legend>{t('editor.label.step', { n: i + 1, title: step.title })}</legend>
                <ItemControls listPath={listPath} index={i} count={lesson.steps.length} name={t('editor.item.step', { n: i + 1 })} />
                <div className="editor-row">
                  <TextField path={[...stepPath, 'title']} label={t('editor.field.stepTitle')} value={step.title} />
                  <NumberField path={[...stepPath, 'minutes']} label={t('editor.field.minutes')} value={step.minutes} min={1} max={480} />
                  <SelectField path={[...stepPath, 'method']} label={t('editor.field.method')} value={step.method} choices={methodChoices} />
                </div>
                <Checkbox
                  path={[...stepPath, 'range']}
                  label={t('editor.field.flexible')}
                  checked={step.range !== undefined}
                  onChange={(on) => {
                    apply((draft) => setStepRange(draft, stepPath, on));
                  }}
                />
                {step.range && (
                  <div className="editor-row">
                    <NumberField path={[...stepPath, 'range', 'min']} label={t('editor.field.rangeMin')} value={step.range.min} min={1} max={480} />
                    <NumberField path={[...stepPath, 'range', 'max']} label={t('editor.field.rangeMax')} value={step.range.max} min={1} max={480} />
                  </div>
                )}
                <TextArea path={[...stepPath, 'trainerActivity']} label={t('editor.field.trainerActivity')} value={step.trainerActivity} />
                <TextArea path={[...stepPath, 'participantActivity']} label={t('editor.field.participantActivity')} value={step.participantActivity} />
                <CheckboxGroup path={[...stepPath, 'objectives']} legend={t('editor.field.serves')} choices={objectiveChoices} selected={step.objectives} />
                <Sensitivity owner={stepPath} value={step.sensitivity} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton listPath={listPath} label={t('editor.add.step')} item={(draft) => newStep(t, freeLocalId(draft, 'steps'))} firstField={[...listPath, lesson.steps.length, 'title']} />
    </section>
  );
}

function Handouts({ lesson, at }: { lesson: Lesson; at: Path }) {
  const { t } = useTranslation();
  const listPath: Path = [...at, 'handouts'];
  return (
    <section id={fieldId(listPath)} className="panel editor-section" aria-labelledby={`${fieldId(listPath)}-title`}>
      <h3 id={`${fieldId(listPath)}-title`}>{t('editor.field.handouts')}</h3>
      <p className="editor-help">{t('editor.help.handouts')}</p>
      <ListProblems path={listPath} />
      {lesson.handouts.length === 0 && <p className="muted">{t('editor.emptyList')}</p>}
      <ol className="editor-items">
        {lesson.handouts.map((handout, i) => {
          const handoutPath: Path = [...listPath, i];
          return (
            <li key={i}>
              <fieldset id={fieldId(handoutPath)} className="editor-item">
                <legend>{t('editor.label.handout', { n: i + 1, title: handout.title })}</legend>
                <ItemControls listPath={listPath} index={i} count={lesson.handouts.length} name={t('editor.item.handout', { n: i + 1 })} />
                <TextField path={[...handoutPath, 'title']} label={t('editor.field.handoutTitle')} value={handout.title} />
                <TextArea path={[...handoutPath, 'body']} label={t('editor.field.body')} value={handout.body} rows={8} />
                <Sensitivity owner={handoutPath} value={handout.sensitivity} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton listPath={listPath} label={t('editor.add.handout')} item={(draft) => newHandout(t, freeLocalId(draft, 'handouts'))} firstField={[...listPath, lesson.handouts.length, 'title']} />
    </section>
  );
}

function Evaluation({ lesson, at, objectiveChoices }: { lesson: Lesson; at: Path; objectiveChoices: Choice[] }) {
  const { t } = useTranslation();
  const { apply } = useEditor();
  const listPath: Path = [...at, 'evaluation'];
  const typeChoices = EVALUATION_TYPES.map((type) => ({ value: type, label: t(`editor.evaluationType.${type}`) }));
  return (
    <section id={fieldId(listPath)} className="panel editor-section" aria-labelledby={`${fieldId(listPath)}-title`}>
      <h3 id={`${fieldId(listPath)}-title`}>{t('editor.field.evaluation')}</h3>
      <p className="editor-help">{t('editor.help.evaluation')}</p>
      <ListProblems path={listPath} />
      {lesson.evaluation.length === 0 && <p className="muted">{t('editor.emptyList')}</p>}
      <ol className="editor-items">
        {lesson.evaluation.map((item, i) => {
          const itemPath: Path = [...listPath, i];
          // An item whose objective was deleted keeps pointing at it until the author chooses another.
          const choices = objectiveChoices.some((c) => c.value === item.objective)
            ? objectiveChoices
            : [{ value: item.objective, label: item.objective ? t('editor.deletedObjective', { id: item.objective }) : t('editor.chooseObjective') }, ...objectiveChoices];
          return (
            <li key={i}>
              <fieldset id={fieldId(itemPath)} className="editor-item">
                <legend>{t('editor.label.evaluationItem', { n: i + 1 })}</legend>
                <ItemControls listPath={listPath} index={i} count={lesson.evaluation.length} name={t('editor.item.evaluationItem', { n: i + 1 })} />
                <TextArea path={[...itemPath, 'question']} label={t('editor.field.question')} value={item.question} rows={3} />
                <div className="editor-row">
                  <SelectField
                    path={[...itemPath, 'type']}
                    label={t('editor.field.type')}
                    value={item.type}
                    choices={typeChoices}
                    onChange={(value) => {
                      if (isEvaluationType(value)) apply((draft) => setEvaluationType(draft, itemPath, value));
                    }}
                  />
                  <SelectField path={[...itemPath, 'objective']} label={t('editor.field.objective')} value={item.objective} choices={choices} />
                </div>
                {item.type === 'multiple-choice' && (
                  <TextList
                    path={[...itemPath, 'options']}
                    legend={t('editor.field.options')}
                    items={item.options ?? []}
                    itemLabel={(n) => t('editor.label.option', { n })}
                    itemName={(n) => t('editor.item.option', { n })}
                    addLabel={t('editor.add.option')}
                    help={t('editor.help.options')}
                  />
                )}
                <TextArea path={[...itemPath, 'answer']} label={t('editor.field.answer')} value={item.answer} rows={3} help={t('editor.help.trainerOnly')} />
                <CheckboxGroup path={[...itemPath, 'use']} legend={t('editor.field.use')} choices={USES.map((u) => ({ value: u, label: t(`editor.use.${u}`) }))} selected={item.use} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <AddButton
        listPath={listPath}
        label={t('editor.add.evaluationItem')}
        item={(draft) => newEvaluationItem(t, freeLocalId(draft, 'evaluation'), lesson.objectives[0]?.id ?? '')}
        firstField={[...listPath, lesson.evaluation.length, 'question']}
      />
    </section>
  );
}
