import { useTranslation } from 'react-i18next';

/** A section that is not built yet, and says so plainly. */
export function ComingPage({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="coming-title">
      <h1 id="coming-title">{title}</h1>
      <div className="panel panel--notice">
        <p className="badge">{t('coming.title')}</p>
        <p>{text}</p>
      </div>
    </section>
  );
}
