import { useTranslation } from 'react-i18next';
import type { DraftProblem } from './validate-draft';

/** What keeps the course from being saved, each a button that goes to the field concerned. */
export function ProblemList({ problems, onGo }: { problems: readonly DraftProblem[]; onGo: (path: string) => void }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <section className="panel panel--error composer__problems" aria-labelledby="composer-problems-title">
      <h2 id="composer-problems-title">{t('composer.problems.heading', { count: problems.length })}</h2>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}#${index}`}>
            <button
              type="button"
              className="composer__problem"
              onClick={() => {
                onGo(problem.path);
              }}
            >
              {t(`composer.problems.${problem.key}`, problem.values)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
