import { useTranslation } from 'react-i18next';
import { lessonMinutes } from '../../../../shared/domain/durations';
import { optionLetter } from '../../../../shared/domain/option-letters';
import type { Language } from '../../../../shared/domain/languages';
import { handoutNumber } from '../../../../shared/domain/references/numbering';
import type { Lesson } from '../../../../shared/schemas/module';
import type { Reference } from '../../../../shared/schemas/reference';
import { Duration } from '../../components/Duration';
import { RichText } from '../../components/RichText';

/**
 * One lesson as in a UN-style training package: at a glance, lesson map, trainer notes, handouts and
 * evaluation. Trainer-only parts are labelled so nobody copies them into a participant handout.
 */
export function LessonView({ lesson, language, references, onExport }: { lesson: Lesson; language: Language; references: readonly Reference[]; onExport?: () => void }) {
  const { t } = useTranslation();
  const objectiveText = new Map(lesson.objectives.map((o) => [o.id, o.text]));
  const headingId = `lesson-${lesson.code.replace('.', '-')}`;
  return (
    <section className="lesson" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('module.lessonHeading', { code: lesson.code, title: lesson.title })}
        <span className="lesson__duration"><Duration minutes={lessonMinutes(lesson)} /></span>
      </h3>
      {onExport && (
        <button type="button" className="button button--small lesson__export" aria-describedby={headingId} onClick={onExport}>
          {t('export.exportLesson')}
        </button>
      )}
      <div className="lesson__glance">
        <div>
          <h4>{t('module.aim')}</h4>
          <RichText text={lesson.aim} />
          <h4>{t('module.relevance')}</h4>
          <RichText text={lesson.relevance} />
        </div>
        <div>
          <h4>{t('module.objectives')}</h4>
          <ol className="objectives">
            {lesson.objectives.map((o) => (
              <li key={o.id}>
                {o.text} <span className="badge">{t(`module.bloom.${o.bloom}`)}</span>
              </li>
            ))}
          </ol>
          <h4>{t('module.methods')}</h4>
          <p>{lesson.methods.map((m) => t(`module.methodNames.${m}`)).join(', ')}</p>
          {lesson.materials.length > 0 && (
            <>
              <h4>{t('module.materials')}</h4>
              <ul>{lesson.materials.map((m) => <li key={m}>{m}</li>)}</ul>
            </>
          )}
          {lesson.roomSetup && (
            <>
              <h4>{t('module.roomSetup')}</h4>
              <RichText text={lesson.roomSetup} />
            </>
          )}
        </div>
      </div>

      <h4>{t('module.lessonMap')}</h4>
      <table className="table lesson-map">
        <thead>
          <tr>
            <th scope="col">{t('module.step')}</th>
            <th scope="col">{t('module.minutes')}</th>
            <th scope="col">{t('module.trainerActivity')}</th>
            <th scope="col">{t('module.participantActivity')}</th>
          </tr>
        </thead>
        <tbody>
          {lesson.steps.map((step, i) => (
            <tr key={`${i}-${step.title}`}>
              <th scope="row">
                {i + 1}. {step.title}
                <div className="muted">{t(`module.methodNames.${step.method}`)}</div>
                {step.objectives.length > 0 && <div className="muted">{t('module.serves')}: {step.objectives.join(', ')}</div>}
              </th>
              <td className="num">{step.minutes}{step.range ? <div className="muted">{step.range.min}–{step.range.max}</div> : null}</td>
              <td>
                {step.sensitivity && <SensitiveNote warning={step.sensitivity.warning} visible={step.sensitivity.participantVisible} />}
                <RichText text={step.trainerActivity} />
              </td>
              <td><RichText text={step.participantActivity} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      {lesson.trainerNotes && (
        <div className="audience audience--trainer">
          <h4>{t('module.trainerNotes')} <span className="badge badge--trainer">{t('module.trainerOnly')}</span></h4>
          <RichText text={lesson.trainerNotes} />
        </div>
      )}
      {lesson.handouts.map((h, index) => (
        <div key={h.id} className="audience audience--participant">
          <h4>
            {t('module.handoutHeading', { number: handoutNumber(lesson.code, index + 1, language), title: h.title })} <span className="badge">{t('module.forParticipants')}</span>
          </h4>
          {h.sensitivity && <SensitiveNote warning={h.sensitivity.warning} visible={h.sensitivity.participantVisible} />}
          <RichText text={h.body} />
        </div>
      ))}
      {lesson.evaluation.length > 0 && (
        <>
          <h4>{t('module.evaluation')}</h4>
          <ol className="evaluation">
            {lesson.evaluation.map((item, i) => (
              <li key={i}>
                <RichText text={item.question} />
                <p className="muted">
                  {t(`module.evaluationType.${item.type}`)} · {item.use.map((u) => t(`module.use.${u}`)).join(', ')} ·{' '}
                  {t('module.tests', { id: item.objective })}: {objectiveText.get(item.objective)}
                </p>
                {item.options && (
                  <ul className="evaluation__options">
                    {item.options.map((o, index) => (
                      <li key={o}>
                        <span className="evaluation__letter">{optionLetter(index, language)}.</span> {o}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="audience audience--trainer">
                  <strong>{t('module.answer')}</strong> <span className="badge badge--trainer">{t('module.trainerOnly')}</span>
                  <RichText text={item.answer} />
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {lesson.references.length > 0 && (
        <p className="muted">
          {t('module.references')}: {lesson.references.map((id) => references.find((r) => r.id === id)?.shortName ?? id).join('; ')}
        </p>
      )}
    </section>
  );
}

function SensitiveNote({ warning, visible }: { warning: string; visible: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="sensitive" role="note">
      <strong>{t('module.sensitive')}:</strong> {warning} {visible ? t('module.sensitiveVisible') : <span className="badge badge--trainer">{t('module.trainerOnly')}</span>}
    </p>
  );
}
