import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../../../../shared/domain/languages';
import { CURRICULUM_STATUSES, MAX_DAYS, type Curriculum } from '../../../../shared/schemas/curriculum';
import { AUDIENCES } from '../../../../shared/schemas/module';
import { AuthorsField } from './AuthorsField';
import { DayTemplateFields } from './DayTemplateFields';
import { NumberField } from './NumberField';
import { SchedulingRulesFields } from './SchedulingRulesFields';
import { TextField } from './TextField';
import type { ApplyChange } from './use-composer-history';
import type { DraftProblem } from './validate-draft';

type DetailKey = Exclude<keyof Curriculum, 'id' | 'items' | 'createdAt' | 'updatedAt'>;

/** The course's descriptive details, its length and its teaching day. */
export function CourseDetailsForm({ draft, apply, problems }: { draft: Curriculum; apply: ApplyChange; problems: readonly DraftProblem[] }) {
  const { t } = useTranslation();
  const set = <K extends DetailKey>(key: K, value: Curriculum[K], typing = false) => {
    apply(
      t('composer.history.detail', { field: t(`composer.details.${key}`) }),
      (c) => (c[key] === value ? c : { ...c, [key]: value }),
      typing ? `detail:${key}` : undefined,
    );
  };
  const errorOf = (path: string) => {
    const found = problems.find((p) => p.path === path);
    return found ? t(`composer.problems.${found.key}`, found.values) : undefined;
  };
  const text = (key: 'title' | 'subtitle' | 'academy', max = 300) => (
    <TextField id={`field-${key}`} label={t(`composer.details.${key}`)} value={draft[key]} maxLength={max} lang={draft.language} error={errorOf(key)} onChange={(v) => { set(key, v, true); }} />
  );

  return (
    <form
      className="composer-details"
      aria-labelledby="composer-details-title"
      onSubmit={(event) => {
        event.preventDefault();
      }}
    >
      <h2 id="composer-details-title">{t('composer.details.heading')}</h2>
      <div className="composer-details__grid">
        {text('title')}
        {text('subtitle')}
        {text('academy')}
        <TextField id="field-courseCode" label={t('composer.details.courseCode')} value={draft.courseCode} maxLength={40} onChange={(v) => { set('courseCode', v, true); }} />
        <TextField id="field-version" label={t('composer.details.version')} value={draft.version} maxLength={40} onChange={(v) => { set('version', v, true); }} />
        <label className="field">
          <span className="field__label">{t('composer.details.language')}</span>
          <select value={draft.language} onChange={(e) => { if (isLanguage(e.target.value)) set('language', e.target.value); }}>
            {LANGUAGES.map((code) => <option key={code} value={code}>{t(`languages.${code}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('composer.details.status')}</span>
          <select value={draft.status} onChange={(e) => { const s = CURRICULUM_STATUSES.find((v) => v === e.target.value); if (s) set('status', s); }}>
            {CURRICULUM_STATUSES.map((s) => <option key={s} value={s}>{t(`curricula.status.${s}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('composer.details.startDate')}</span>
          <input
            id="field-startDate"
            type="date"
            value={draft.startDate ?? ''}
            onChange={(e) => {
              const value = e.target.value;
              apply(t('composer.history.detail', { field: t('composer.details.startDate') }), (c) => {
                if ((c.startDate ?? '') === value) return c;
                const { startDate: _old, ...rest } = c;
                return value ? { ...rest, startDate: value } : rest;
              });
            }}
          />
        </label>
        <NumberField id="field-days" label={t('composer.details.days')} value={draft.days} min={1} max={MAX_DAYS} onCommit={(days) => { set('days', days, true); }} />
      </div>
      <fieldset className="composer-details__group" id="field-audiences">
        <legend>{t('composer.details.audiences')}</legend>
        {AUDIENCES.map((a) => (
          <label key={a} className="composer-check">
            <input
              type="checkbox"
              checked={draft.audiences.includes(a)}
              onChange={(e) => {
                const on = e.target.checked;
                set('audiences', on ? AUDIENCES.filter((x) => x === a || draft.audiences.includes(x)) : draft.audiences.filter((x) => x !== a));
              }}
            />
            {t(`module.audienceNames.${a}`)}
          </label>
        ))}
      </fieldset>
      <AuthorsField authors={draft.authors} error={errorOf('authors')} onChange={(authors, typing) => { set('authors', authors, typing); }} />
      <div className="field">
        <label className="field__label" htmlFor="field-description">{t('composer.details.description')}</label>
        <textarea id="field-description" rows={5} maxLength={20_000} value={draft.description} lang={draft.language} dir="auto" onChange={(e) => { set('description', e.target.value, true); }} />
      </div>
      <DayTemplateFields template={draft.dayTemplate} problems={problems} onChange={(dayTemplate, typing) => { set('dayTemplate', dayTemplate, typing); }} />
      <SchedulingRulesFields
        draft={draft}
        onChange={(key, value, field) => {
          apply(t('composer.history.detail', { field }), (c) => (c.scheduling[key] === value ? c : { ...c, scheduling: { ...c.scheduling, [key]: value } }), `detail:scheduling.${key}`);
        }}
      />
    </form>
  );
}
