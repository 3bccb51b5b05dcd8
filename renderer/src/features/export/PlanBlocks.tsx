import type { PlanBlock, PlanCell, PlanFacts, PlanFlow, PlanHeading, PlanList, PlanParagraph, PlanTable } from '../../../../shared/domain/export/plan';
import { PlanInlines } from './PlanInlines';

type Labelled = { unfilledLabel: string };

/** One block of a plan section, as the .docx renderer lays it out but in HTML. */
export function PlanBlockView({ block, anchor, unfilledLabel }: { block: PlanBlock; anchor: string } & Labelled) {
  switch (block.kind) {
    case 'heading':
      return <PlanHeadingView heading={block} anchor={anchor} />;
    case 'paragraph':
      return <PlanParagraphView paragraph={block} unfilledLabel={unfilledLabel} />;
    case 'list':
      return <PlanListView list={block} unfilledLabel={unfilledLabel} />;
    case 'table':
      return <PlanTableView table={block} unfilledLabel={unfilledLabel} />;
    case 'facts':
      return <PlanFactsView facts={block} unfilledLabel={unfilledLabel} />;
    case 'lines':
      return (
        <div className="plan-lines" role="presentation">
          {Array.from({ length: block.count }, (_, i) => (
            <div key={i} className="plan-lines__line" />
          ))}
        </div>
      );
  }
}

/** Plan levels 1–3 become h2–h4: the page's h1 is the preview's own title, the cover title is an h2. */
function PlanHeadingView({ heading, anchor }: { heading: PlanHeading; anchor: string }) {
  const Tag = (['h2', 'h3', 'h4'] as const)[heading.level - 1] ?? 'h4';
  return (
    <Tag id={anchor} tabIndex={-1} className={`plan-heading plan-heading--${String(heading.level)}`}>
      {heading.number && <span className="plan-heading__number">{heading.number}</span>}
      {heading.number && ' '}
      <span className="plan-heading__text">{heading.text}</span>
    </Tag>
  );
}

/** Classes for how a block sits among its neighbours in print: on a new page, or with the next block. */
function flowClasses(block: PlanFlow): string {
  return `${block.startsPage ? ' plan-starts-page' : ''}${block.keepWithNext ? ' plan-keep-with-next' : ''}`;
}

function PlanParagraphView({ paragraph, unfilledLabel }: { paragraph: PlanParagraph } & Labelled) {
  return (
    <p className={`plan-p plan-p--${paragraph.style ?? 'body'}${flowClasses(paragraph)}`}>
      <PlanInlines inlines={paragraph.inlines} unfilledLabel={unfilledLabel} />
    </p>
  );
}

function PlanListView({ list, unfilledLabel }: { list: PlanList } & Labelled) {
  const items = list.items.map((item, i) => (
    <li key={i}>
      <PlanInlines inlines={item} unfilledLabel={unfilledLabel} />
    </li>
  ));
  const className = `plan-list${list.style === 'note' ? ' plan-list--note' : ''}${list.cutLines ? ' plan-list--cut' : ''}${flowClasses(list)}`;
  return list.ordered ? (
    <ol className={className} start={list.start}>
      {items}
    </ol>
  ) : (
    <ul className={className}>{items}</ul>
  );
}

function CellContent({ cell, unfilledLabel }: { cell: PlanCell } & Labelled) {
  return (
    <>
      {cell.blocks.map((block, i) =>
        block.kind === 'list' ? <PlanListView key={i} list={block} unfilledLabel={unfilledLabel} /> : <PlanParagraphView key={i} paragraph={block} unfilledLabel={unfilledLabel} />,
      )}
    </>
  );
}

const shadeClass = (cell: PlanCell) => (cell.shade ? `plan-cell--${cell.shade}` : undefined);

/** Column widths are relative in the plan; the preview scales them to percentages of the text width. */
function PlanTableView({ table, unfilledLabel }: { table: PlanTable } & Labelled) {
  const sum = table.columns.reduce((a, b) => a + b, 0) || 1;
  return (
    <table className="plan-table">
      {table.caption && <caption>{table.caption}</caption>}
      <colgroup>
        {table.columns.map((width, i) => (
          <col key={i} style={{ width: `${((100 * width) / sum).toFixed(2)}%` }} />
        ))}
      </colgroup>
      {table.header.length > 0 && (
        <thead>
          {table.header.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <th key={c} scope="col" className={shadeClass(cell)}>
                  <CellContent cell={cell} unfilledLabel={unfilledLabel} />
                </th>
              ))}
            </tr>
          ))}
        </thead>
      )}
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={c} className={shadeClass(cell)}>
                <CellContent cell={cell} unfilledLabel={unfilledLabel} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanFactsView({ facts, unfilledLabel }: { facts: PlanFacts } & Labelled) {
  return (
    <table className="plan-facts">
      <tbody>
        {facts.rows.map((row, i) => (
          <tr key={i}>
            <th scope="row">{row.label}</th>
            <td>
              <PlanInlines inlines={row.value} unfilledLabel={unfilledLabel} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
