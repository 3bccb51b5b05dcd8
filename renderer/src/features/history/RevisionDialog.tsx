import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { moduleMinutes } from '../../../../shared/domain/durations';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import type { Module } from '../../../../shared/schemas/module';
import type { Reference } from '../../../../shared/schemas/reference';
import { Duration } from '../../components/Duration';
import { ErrorMessage } from '../../components/ErrorMessage';
import { RichText } from '../../components/RichText';
import { call } from '../../lib/api';
import { isolate } from '../../lib/bidi';
import { useApi } from '../../lib/use-api';
import { Modal } from '../curricula/Modal';
import { LessonView } from '../module/LessonView';
import { revisionLine, whichKey, type HistoryWhich } from './revision-words';

type Props = { which: HistoryWhich; commit: string; references: readonly Reference[]; onClose: () => void };

/** One earlier version in full, as the shared library's history holds it: a module with all its lessons, or a course. */
export function RevisionDialog({ which, commit, references, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [revision] = useApi(() => call('history:show', { ...which, commit }), `${whichKey(which)}:${commit}`);
  const item = revision.state === 'ready' ? (revision.value.module ?? revision.value.course) : undefined;
  return (
    <Modal labelledBy={`${id}-title`} className="revision-dialog" onClose={onClose}>
      <h2 id={`${id}-title`}>{item ? t('revisions.show.title', { title: isolate(item.title) }) : t('revisions.show.loading')}</h2>
      {revision.state === 'loading' && <p role="status" className="muted">{t('app.loading')}</p>}
      {revision.state === 'error' && <ErrorMessage error={revision.error} />}
      {revision.state === 'ready' && (
        <>
          <p className="muted">{revisionLine(revision.value.entry, t, i18n.language)}</p>
          <p className="revision-message" dir="auto">{revision.value.entry.message}</p>
          {revision.value.module && <ModuleRevision module={revision.value.module} references={references} />}
          {revision.value.course && <CourseRevision course={revision.value.course} />}
        </>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>{t('revisions.close')}</button>
      </div>
    </Modal>
  );
}

function ModuleRevision({ module, references }: { module: Module; references: readonly Reference[] }) {
  const { t } = useTranslation();
  return (
    <div lang={module.language} dir={module.language === 'ar' ? 'rtl' : 'ltr'} className="revision-full">
      <p className="muted">
        {t(`languages.${module.language}`)} · {t(`levels.${module.level}`)} · <Duration minutes={moduleMinutes(module)} />
      </p>
      <h3>{t('module.summary')}</h3>
      <RichText text={module.summary} />
      <h3>{t('module.outcomes')}</h3>
      <ul>{module.learningOutcomes.map((o) => <li key={o}>{o}</li>)}</ul>
      {module.lessons.map((lesson) => (
        <LessonView key={lesson.code} lesson={lesson} language={module.language} references={references} />
      ))}
    </div>
  );
}

function CourseRevision({ course }: { course: Curriculum }) {
  const { t } = useTranslation();
  return (
    <div lang={course.language} dir={course.language === 'ar' ? 'rtl' : 'ltr'} className="revision-full">
      <p className="muted">
        {t(`languages.${course.language}`)} · {t('revisions.show.days', { count: course.days })}
      </p>
      {course.aim && (
        <>
          <h3>{t('sync.courseField.aim')}</h3>
          <RichText text={course.aim} />
        </>
      )}
      {course.description && (
        <>
          <h3>{t('sync.courseField.description')}</h3>
          <RichText text={course.description} />
        </>
      )}
      <h3>{t('sync.courseField.items')}</h3>
      <ol>
        {course.items.map((item) => (
          <li key={item.id}>
            {item.kind === 'module' ? (
              <>
                {item.snapshot.title} <span className="muted">· {t('revisions.revision', { revision: item.revision })}</span>
              </>
            ) : (
              <>
                {item.title} <span className="muted">· <Duration minutes={item.minutes} /></span>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
