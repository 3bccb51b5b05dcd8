import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { plannedTest, practicalItems, writtenCandidates, type CourseItem, type TestKind } from '../../../../../shared/domain/curriculum/assessment';
import { courseNumbers } from '../../../../../shared/domain/curriculum/course-numbers';
import { labelsFor } from '../../../../../shared/domain/export/labels';
import {
  addTestItem,
  addTestSession,
  planTest,
  redrawTest,
  removeTestItem,
  removeTestPlan,
  sessionMinutesFor,
  setTestSession,
} from '../../../../../shared/domain/curriculum/test-plan-edits';
import { TEST_BASES, type Curriculum } from '../../../../../shared/schemas/curriculum';
import type { PanelProps } from '../composer-types';
import { NumberField } from '../NumberField';
import { TestItemList } from './TestItemList';
import { clip, minutesText } from './panel-format';
import { markdownToPlainText } from '../../../../../shared/domain/markdown';
import './panels.css';

/**
 * The course's tests: which written items the pre-test and the post-test hold (drawn, balanced across
 * objectives and Bloom levels, or chosen by hand) and the session that gives each its time; and the
 * practical items trainers observe instead, on the observation checklist.
 */
export function AssessmentPanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { curriculum } = props;
  const numbers = useMemo(() => courseNumbers(curriculum), [curriculum]);
  const practical = useMemo(() => practicalItems(curriculum), [curriculum]);

  return (
    <section className="cp-panel cp-assessment" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.assessment.title')}</h2>
      <p className="cp-summary">{t('composerPanels.assessment.help')}</p>
      {(['pre-test', 'post-test'] as const).map((test) => (
        <TestSection key={test} test={test} props={props} numbers={numbers} />
      ))}
      <section className="cp-assessment__test" aria-labelledby={`${headingId}-practical`}>
        <h3 id={`${headingId}-practical`}>{t('composerPanels.assessment.practicalTitle', { count: practical.length })}</h3>
        <p className="cp-summary">{t('composerPanels.assessment.practicalHelp')}</p>
        {practical.length > 0 && <TestItemList items={practical} numbers={numbers} language={curriculum.language} />}
      </section>
    </section>
  );
}

function TestSection({ test, props, numbers }: { test: TestKind; props: PanelProps; numbers: ReturnType<typeof courseNumbers> }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { curriculum, change } = props;
  const planned = plannedTest(curriculum, test);
  const name = t(`composerPanels.common.test.${test}`);
  const apply = (label: string, update: (c: Curriculum) => Curriculum) => {
    change(t(`composerPanels.assessment.history.${label}`, { test: name }), update);
  };
  const candidates = useMemo(() => writtenCandidates(curriculum, test), [curriculum, test]);
  const sessions = curriculum.items.filter((i) => i.kind === 'session');

  if (!planned)
    return (
      <section className="cp-assessment__test" aria-labelledby={headingId}>
        <h3 id={headingId}>{t(`composerPanels.assessment.heading.${test}`)}</h3>
        <p>{t('composerPanels.assessment.notPlanned', { test: name, count: candidates.length })}</p>
        <button type="button" className="button" disabled={candidates.length === 0} onClick={() => { apply('plan', (c) => planTest(c, test)); }}>
          {t('composerPanels.assessment.plan', { test: name })}
        </button>
      </section>
    );

  const { plan, items, missing, minutes } = planned;
  const session = sessions.find((s) => s.id === plan.sessionId);
  const chosen = new Set(plan.items.map((i) => `${i.itemId}/${i.questionId}`));
  const others: CourseItem[] = candidates.filter((c) => !chosen.has(`${c.itemId}/${c.item.id}`));
  const fits = session ? minutes <= session.minutes : undefined;

  return (
    <section className="cp-assessment__test" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`composerPanels.assessment.heading.${test}`)}</h3>
      <p role="status" className="cp-summary">
        {t('composerPanels.assessment.summary', { count: items.length, minutes: minutesText(t, minutes) })}
        {plan.edited ? ` ${t('composerPanels.assessment.edited')}` : ''}
      </p>
      <div className="cp-actions">
        <label className="cp-field">
          <span className="cp-field__label">{t('composerPanels.assessment.basis')}</span>
          <select value={plan.basis} onChange={(e) => { const basis = TEST_BASES.find((b) => b === e.target.value); if (basis) apply('redraw', (c) => redrawTest(c, test, { basis })); }}>
            {TEST_BASES.map((basis) => <option key={basis} value={basis}>{t(`composerPanels.assessment.basisName.${basis}`)}</option>)}
          </select>
        </label>
        <NumberField className="cp-field" label={t(`composerPanels.assessment.perUnit.${plan.basis}`)} value={plan.perUnit} min={1} max={20} onCommit={(perUnit) => { apply('redraw', (c) => redrawTest(c, test, { perUnit })); }} />
        <button type="button" className="button" onClick={() => { apply('redraw', (c) => redrawTest(c, test, { seed: (plan.seed % 2_147_483_646) + 1 })); }}>
          {t('composerPanels.assessment.redraw')}
        </button>
        <button type="button" className="button button--small" onClick={() => { apply('remove', (c) => removeTestPlan(c, test)); }}>
          {t('composerPanels.assessment.removePlan', { test: name })}
        </button>
      </div>
      <div className="cp-actions">
        <label className="cp-field">
          <span className="cp-field__label">{t('composerPanels.assessment.session')}</span>
          <select value={plan.sessionId ?? ''} onChange={(e) => { const id = e.target.value; apply('session', (c) => setTestSession(c, test, id === '' ? undefined : id)); }}>
            <option value="">{t('composerPanels.assessment.noSession')}</option>
            {sessions.map((s) => <option key={s.id} value={s.id}>{`${s.title} (${minutesText(t, s.minutes)})`}</option>)}
          </select>
        </label>
        <button type="button" className="button button--small" onClick={() => { apply('addSession', (c) => addTestSession(c, test, labelsFor(c.language)[test === 'pre-test' ? 'preTest' : 'postTest'])); }}>
          {t('composerPanels.assessment.addSession', { minutes: minutesText(t, sessionMinutesFor(minutes)) })}
        </button>
      </div>
      {session && (
        <p className={fits ? 'cp-ok' : 'cp-field__error'}>
          {t(fits ? 'composerPanels.assessment.fits' : 'composerPanels.assessment.tooLong', { minutes: minutesText(t, minutes), session: session.title, sessionMinutes: minutesText(t, session.minutes) })}
        </p>
      )}
      {missing.length > 0 && <p className="cp-field__error">{t('composerPanels.assessment.missing', { count: missing.length })}</p>}
      <TestItemList
        items={items}
        numbers={numbers}
        language={curriculum.language}
        numbered
        action={{ label: (_c, index) => t('composerPanels.assessment.removeItem', { number: index + 1 }), run: (c) => { apply('removeItem', (cur) => removeTestItem(cur, test, { itemId: c.itemId, questionId: c.item.id })); } }}
      />
      {others.length > 0 && (
        <details className="cp-assessment__more">
          <summary>{t('composerPanels.assessment.addItems', { count: others.length })}</summary>
          <TestItemList
            items={others}
            numbers={numbers}
            language={curriculum.language}
            action={{ label: (c) => t('composerPanels.assessment.addItem', { question: clip(markdownToPlainText(c.item.question), 60) }), run: (c) => { apply('addItem', (cur) => addTestItem(cur, test, { itemId: c.itemId, questionId: c.item.id })); } }}
          />
        </details>
      )}
    </section>
  );
}
