import type { ExportPlan, PlanCover } from '../../../../shared/domain/export/plan';
import { PlanBlockView } from './PlanBlocks';
import { contentsOf, headingAnchor } from './plan-contents';

/**
 * An export plan as an HTML document: cover, table of contents, then each section as its own page block
 * (print CSS starts every page block but the first on a new page). The plan's language and direction are
 * set on the container, so an Arabic plan reads right to left whatever the interface language.
 */
export function PlanDocument({ plan }: { plan: ExportPlan }) {
  const unfilledLabel = plan.labels.unfilledPlaceholder;
  // A section without blocks would print as a blank page.
  const sections = plan.sections.map((section, index) => ({ section, index })).filter(({ section }) => section.blocks.length > 0);
  return (
    <article className="plan-doc" data-paper={plan.paper} lang={plan.language} dir={plan.direction} aria-label={plan.properties.title}>
      <PlanCoverView cover={plan.cover} />
      {plan.tableOfContents && <PlanContents plan={plan} />}
      {sections.map(({ section, index }) => (
        <section key={`${String(index)}-${section.id}`} className="plan-page">
          {section.blocks.map((block, b) => (
            <PlanBlockView key={b} block={block} anchor={headingAnchor(index, b)} unfilledLabel={unfilledLabel} />
          ))}
        </section>
      ))}
    </article>
  );
}

function PlanCoverView({ cover }: { cover: PlanCover }) {
  return (
    <section className="plan-page plan-cover" aria-labelledby="plan-cover-title">
      {cover.logo && (
        <img
          className="plan-cover__logo"
          src={`data:image/${cover.logo.type === 'jpg' ? 'jpeg' : 'png'};base64,${cover.logo.base64}`}
          width={cover.logo.width}
          height={cover.logo.height}
          alt=""
        />
      )}
      <p className="plan-cover__kind">{cover.documentKind}</p>
      <h2 id="plan-cover-title" className="plan-cover__title">
        {cover.title}
      </h2>
      {cover.subtitle && <p className="plan-cover__subtitle">{cover.subtitle}</p>}
      {cover.facts.length > 0 && (
        <dl className="plan-cover__facts">
          {cover.facts.map((fact) => (
            <div key={fact.label} className="plan-cover__fact">
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/**
 * Links to the headings. The app routes by URL hash, so following a link scrolls to the heading instead of
 * changing the hash (which would leave the preview); the href stays for printed PDFs and for copying.
 */
function PlanContents({ plan }: { plan: ExportPlan }) {
  const entries = contentsOf(plan);
  return (
    <nav className="plan-page plan-contents" aria-labelledby="plan-contents-title">
      <h2 id="plan-contents-title">{plan.labels.contents}</h2>
      <ol className="plan-contents__list">
        {entries.map((entry) => (
          <li key={entry.anchor} className={`plan-contents__entry plan-contents__entry--${String(entry.level)}`}>
            <a
              href={`#${entry.anchor}`}
              onClick={(event) => {
                event.preventDefault();
                const heading = document.getElementById(entry.anchor);
                heading?.scrollIntoView({ block: 'start' });
                heading?.focus({ preventScroll: true });
              }}
            >
              {entry.number && <span className="plan-contents__number">{entry.number}</span>}
              {entry.number && ' '}
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
