import { useTranslation } from 'react-i18next';
import type { Correction } from '../../../../shared/domain/word-import/map-document';
import type { BlockView, WordFilePreview } from '../../../../shared/schemas/word-import';
import { ProposedModule } from './ProposedModule';

/** One file of the preview: its blocks with what each became (left), the proposed modules (right). */
export function WordFileView({ file, onCorrect }: { file: WordFilePreview; onCorrect: (block: number, as: Correction) => void }) {
  const { t } = useTranslation();
  if (!file.ok) {
    return (
      <section className="panel panel--error" aria-label={file.fileName}>
        <h2>{file.fileName}</h2>
        <p role="alert">{t('wordImport.refused', { message: file.error })}</p>
      </section>
    );
  }
  const uncertain = file.blocks.filter((b) => b.uncertain).length;
  return (
    <section className="panel word-file" aria-label={file.fileName}>
      <h2>
        {file.fileName} <span className="muted">({t(`languages.${file.language}`)})</span>
      </h2>
      {uncertain > 0 && <p className="word-file__flagged">{t('wordImport.uncertainCount', { count: uncertain })}</p>}
      {file.warnings.length > 0 && (
        <ul className="word-file__warnings">
          {file.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="word-file__columns">
        <div>
          <h3>{t('wordImport.source')}</h3>
          <ol className="word-blocks">
            {file.blocks.map((block) => (
              <SourceBlockRow key={block.id} block={block} onCorrect={onCorrect} />
            ))}
          </ol>
        </div>
        <div>
          <h3>{t('wordImport.proposed')}</h3>
          {file.modules.map((module) => (
            <ProposedModule key={module.id} module={module} />
          ))}
        </div>
      </div>
    </section>
  );
}

function SourceBlockRow({ block, onCorrect }: { block: BlockView; onCorrect: (block: number, as: Correction) => void }) {
  const { t } = useTranslation();
  const choices: readonly Correction[] | null = block.kind === 'heading' ? ['module', 'lesson', 'text'] : block.kind === 'table' ? ['steps', 'text'] : null;
  // A section label or a glance table is none of the choices: the select shows what it was found to be.
  const current: string =
    block.correction ?? (block.role === 'module' || block.role === 'lesson' || block.role === 'steps' ? block.role : block.role === 'content' || block.role === 'not-placed' ? 'text' : '');
  return (
    <li className={`word-block word-block--${block.kind}${block.uncertain ? ' word-block--uncertain' : ''}`} data-block={block.id}>
      <div className="word-block__role">
        <span className={`badge badge--role-${block.role}`}>{t(`wordImport.roles.${block.role}`)}</span>
        {block.field && <span className="muted"> {t(`wordImport.fields.${block.field}`)}</span>}
        {block.uncertain && <span className="badge badge--warn"> {t(`wordImport.uncertain.${block.uncertain}`)}</span>}
      </div>
      <p className="word-block__text" dir="auto">
        {block.kind === 'heading' ? <strong>{block.text}</strong> : block.text}
      </p>
      {choices && (
        <label className="word-block__correct">
          <span>{t(block.kind === 'heading' ? 'wordImport.headingIs' : 'wordImport.tableIs')}</span>
          <select
            value={current}
            onChange={(e) => {
              const next = choices.find((c) => c === e.target.value);
              if (next) onCorrect(block.id, next);
            }}
          >
            {current === '' && <option value="">{t('wordImport.asFound', { role: t(`wordImport.roles.${block.role}`) })}</option>}
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {t(`wordImport.corrections.${choice}`)}
              </option>
            ))}
          </select>
        </label>
      )}
    </li>
  );
}
