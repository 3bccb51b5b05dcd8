import { useTranslation } from 'react-i18next';
import type { PreviewCurriculum } from '../../../../shared/schemas/pack-import';

type Props = {
  curricula: readonly PreviewCurriculum[];
  chosen: ReadonlySet<string>;
  leftOut: ReadonlySet<string>;
  onChoose: (id: string, chosen: boolean) => void;
  onLeaveOut: (id: string, leftOut: boolean) => void;
};

/**
 * The courses a pack carries. Valid ones are ticked to be added; an invalid one cannot be imported, and the
 * pack is imported only once the user leaves that course out explicitly (docs/pack-format.md).
 */
export function PackCourses({ curricula, chosen, leftOut, onChoose, onLeaveOut }: Props) {
  const { t } = useTranslation();
  if (curricula.length === 0) return null;
  return (
    <fieldset className="pack-preview__courses">
      <legend>{t('packs.courses.title')}</legend>
      <p className="muted">{t('packs.courses.help')}</p>
      {curricula.map((course) => (
        <div key={course.curriculumId} className="pack-preview__course">
          {course.problem === undefined ? (
            <>
              <label>
                <input type="checkbox" checked={chosen.has(course.curriculumId)} onChange={(e) => { onChoose(course.curriculumId, e.target.checked); }} />{' '}
                <span lang={course.language} dir={course.language === 'ar' ? 'rtl' : course.language ? 'ltr' : 'auto'}>{course.title}</span>
              </label>{' '}
              <span className="muted">{t('packs.courses.facts', { modules: course.modules, id: course.importAs })}</span>
            </>
          ) : (
            <>
              <p>
                <span lang={course.language} dir={course.language === 'ar' ? 'rtl' : course.language ? 'ltr' : 'auto'}>{course.title}</span>
              </p>
              <p className="sensitive">{t('packs.courses.cannot', { problem: course.problem })}</p>
              <label>
                <input type="checkbox" checked={leftOut.has(course.curriculumId)} onChange={(e) => { onLeaveOut(course.curriculumId, e.target.checked); }} />{' '}
                {t('packPreview.leaveOut', { title: course.title })}
              </label>
            </>
          )}
        </div>
      ))}
    </fieldset>
  );
}
