import { useTranslation } from 'react-i18next';
import type { Module } from '../../../../shared/schemas/module';
import { checkLesson } from './check-where';

/** A module the import proposes: its lessons and steps, and what still needs checking. */
export function ProposedModule({ module }: { module: Module }) {
  const { t } = useTranslation();
  const toCheck = module.provenance.sourceDocument?.toCheck ?? [];
  return (
    <article className="proposed-module" dir="auto" aria-label={module.title}>
      <h4>
        {module.title} <code className="muted">{module.id}</code>
      </h4>
      <ol className="proposed-lessons">
        {module.lessons.map((lesson) => (
          <li key={lesson.code}>
            <strong>
              {lesson.code} {lesson.title}
            </strong>{' '}
            <span className="muted">{t('wordImport.minutes', { count: lesson.steps.reduce((sum, s) => sum + s.minutes, 0) })}</span>
            <ul className="proposed-steps">
              {lesson.steps.map((step) => (
                <li key={step.id}>
                  <span className="proposed-steps__minutes">{t('wordImport.minutes', { count: step.minutes })}</span> {step.title}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {toCheck.length > 0 && (
        <details className="proposed-module__checks">
          <summary>{t('wordImport.toCheckCount', { count: toCheck.length })}</summary>
          <ul>
            {toCheck.map((item, index) => (
              <li key={`${item.path}-${String(index)}`}>
                {checkLesson(module, item.path) !== null && <strong>{checkLesson(module, item.path)} · </strong>}
                {t(`wordImport.checks.${item.code}`)}
                {item.detail && item.code !== 'not-placed' ? <span className="muted"> — {item.detail}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
