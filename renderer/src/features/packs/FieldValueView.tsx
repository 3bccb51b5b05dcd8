import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonMinutes } from '../../../../shared/domain/durations';
import { sameContent } from '../../../../shared/domain/packs/three-way';
import type { FieldValue } from '../../../../shared/schemas/pack-import';
import { Duration } from '../../components/Duration';
import { RichText } from '../../components/RichText';

type Props = {
  value: FieldValue;
  /** The version this one is compared with: entries it does not have are marked as changed. */
  compareTo?: FieldValue | undefined;
};

/** The entries of a list-like value (for marking those the other version lacks). */
function entriesOf(value: FieldValue | undefined): readonly unknown[] {
  if (!value) return [];
  switch (value.kind) {
    case 'list':
    case 'terms':
    case 'objectives':
    case 'steps':
    case 'handouts':
    case 'evaluation':
      return value.items;
    case 'order':
      return value.codes;
    case 'absent':
    case 'text':
    case 'markdown':
    case 'json':
    case 'translation':
    case 'lesson':
      return [];
  }
}

/** One version of a field, shown as content: Markdown as text, lists as lists, steps as a compact table. */
export function FieldValueView({ value, compareTo }: Props) {
  const { t } = useTranslation();
  const others = entriesOf(compareTo);
  const changed = (item: unknown): boolean => compareTo !== undefined && !others.some((other) => sameContent(other, item));
  const mark = (item: unknown): string | undefined => (changed(item) ? 'pack-value__changed' : undefined);
  const flag = (item: unknown): ReactNode => (changed(item) ? <span className="pack-visually-hidden"> ({t('packPreview.changedEntry')})</span> : null);

  switch (value.kind) {
    case 'absent':
      return <p className="pack-value pack-value--absent">{t('packPreview.absent')}</p>;
    case 'text':
      return <p className="pack-value">{value.text}</p>;
    case 'markdown': {
      // Paragraph by paragraph, so that the paragraphs the other version lacks can be marked.
      const others = compareTo?.kind === 'markdown' ? paragraphs(compareTo.text).map(squash) : null;
      return (
        <div className="pack-value">
          {paragraphs(value.text).map((paragraph, i) => {
            const isNew = others !== null && !others.includes(squash(paragraph));
            return (
              <div key={`${String(i)}-${paragraph.slice(0, 20)}`} className={isNew ? 'pack-value__changed' : undefined}>
                <RichText text={paragraph} />
                {isNew && <span className="pack-visually-hidden"> ({t('packPreview.changedEntry')})</span>}
              </div>
            );
          })}
        </div>
      );
    }
    case 'json':
      return <pre className="pack-value pack-value--json">{value.text}</pre>;
    case 'translation':
      return <p className="pack-value">{t('packPreview.translationOf', { id: value.moduleId, revision: value.revision })}</p>;
    case 'list':
    case 'terms':
      return (
        <ul className="pack-value">
          {value.items.map((item, i) => (
            <li key={`${item}-${String(i)}`} className={mark(item)}>
              {value.kind === 'terms' ? termLabel(t, value.vocabulary, item) : item}
              {flag(item)}
            </li>
          ))}
        </ul>
      );
    case 'order':
      return (
        <ol className="pack-value">
          {value.codes.map((code) => (
            <li key={code}>{t('packPreview.lessonCode', { code })}</li>
          ))}
        </ol>
      );
    case 'objectives':
      return (
        <ul className="pack-value">
          {value.items.map((o) => (
            <li key={o.id} className={mark(o)}>
              <span dir="ltr">{o.id}</span> · {t(`module.bloom.${o.bloom}`)}: {o.text}
              {flag(o)}
            </li>
          ))}
        </ul>
      );
    case 'steps':
      return (
        <table className="pack-value pack-steps">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('module.step')}</th>
              <th scope="col">{t('module.minutes')}</th>
              <th scope="col">{t('packPreview.method')}</th>
              <th scope="col">{t('module.serves')}</th>
            </tr>
          </thead>
          <tbody>
            {value.items.map((step, i) => (
              <tr key={`${String(i)}-${step.title}`} className={mark(step)}>
                <td>{i + 1}</td>
                <td>
                  {step.title}
                  {flag(step)}
                  <details>
                    <summary>{t('packPreview.activities')}</summary>
                    <p className="pack-steps__who">{t('module.trainerActivity')}</p>
                    <RichText text={step.trainerActivity} />
                    <p className="pack-steps__who">{t('module.participantActivity')}</p>
                    <RichText text={step.participantActivity} />
                  </details>
                </td>
                <td>{step.range ? t('packPreview.minutesRange', { minutes: step.minutes, min: step.range.min, max: step.range.max }) : step.minutes}</td>
                <td>{t(`module.methodNames.${step.method}`)}</td>
                <td dir="ltr">{step.objectives.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    case 'handouts':
      return (
        <ul className="pack-value">
          {value.items.map((h, i) => (
            <li key={`${String(i)}-${h.title}`} className={mark(h)}>
              <strong>{h.title}</strong>
              {flag(h)}
              <RichText text={h.body} />
            </li>
          ))}
        </ul>
      );
    case 'evaluation':
      return (
        <ol className="pack-value">
          {value.items.map((item, i) => (
            <li key={`${String(i)}-${item.question}`} className={mark(item)}>
              <RichText text={item.question} />
              {flag(item)}
              <p className="muted">
                {t(`module.evaluationType.${item.type}`)} · {t('module.tests', { id: item.objective })} · {item.use.map((u) => t(`module.use.${u}`)).join(', ')}
              </p>
              {item.options && item.options.length > 0 && (
                <ul>
                  {item.options.map((option) => (
                    <li key={option}>{option}</li>
                  ))}
                </ul>
              )}
              <p className="pack-steps__who">{t('module.answer')}</p>
              <RichText text={item.answer} />
            </li>
          ))}
        </ol>
      );
    case 'lesson':
      return (
        <div className="pack-value">
          <p>
            <strong>{t('module.lessonHeading', { code: value.lesson.code, title: value.lesson.title })}</strong>
          </p>
          <RichText text={value.lesson.aim} />
          <p className="muted">
            {t('packPreview.lessonFacts', { count: value.lesson.steps.length })} · <Duration minutes={lessonMinutes(value.lesson)} />
          </p>
        </div>
      );
  }
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** Blocks separated by blank lines, as the Markdown subset reads them. */
const paragraphs = (text: string): string[] => text.split(/\n[ \t]*\n/).filter((p) => p.trim() !== '');
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function termLabel(t: Translate, vocabulary: Extract<FieldValue, { kind: 'terms' }>['vocabulary'], term: string): string {
  switch (vocabulary) {
    case 'themes':
      return t(`themes.${term}`);
    case 'audiences':
      return t(`module.audienceNames.${term}`);
    case 'methods':
      return t(`module.methodNames.${term}`);
    case 'levels':
      return t(`levels.${term}`);
    case 'languages':
      return t(`languages.${term}`);
  }
}
