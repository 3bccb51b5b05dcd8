import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/domain/languages';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import { AUDIENCES, LEVELS, type Module } from '../../../../shared/schemas/module';
import type { Reference } from '../../../../shared/schemas/reference';
import { THEMES } from '../../../../shared/schemas/themes';
import { CheckboxGroup, SelectField, TextArea, TextField, TextList, type Choice } from './fields';
import { PlaceholderForm } from './PlaceholderForm';

/** References as "ECHR (1950)": the short name authors know them by, with the year to tell versions apart. */
export function referenceChoices(references: readonly Reference[]): Choice[] {
  return references.map((r) => ({ value: r.id, label: r.year === undefined ? r.shortName : `${r.shortName} (${r.year})` }));
}

/** The module's own fields: what it is, for whom, what it needs and cites, and who wrote it. */
export function ModuleForm({
  draft,
  others,
  references,
  idNote,
}: {
  draft: Module;
  /** The other modules of the library, for prerequisites. */
  others: readonly ModuleSummary[];
  references: readonly Reference[];
  /** Where the module is stored, or will be once saved. */
  idNote: string;
}) {
  const { t } = useTranslation();
  const prerequisites = others.filter((m) => m.id !== draft.id).map((m) => ({ value: m.id, label: `${m.title} (${t(`languages.${m.language}`)})` }));
  return (
    <section id="edit-module" className="editor-form" aria-labelledby="module-form-title">
      <h2 id="module-form-title">{t('editor.module.heading')}</h2>
      <div className="panel">
        <TextField path={['title']} label={t('editor.field.moduleTitle')} value={draft.title} help={idNote} />
        <TextArea path={['summary']} label={t('editor.field.summary')} value={draft.summary} rows={3} />
        <div className="editor-row">
          <SelectField
            path={['language']}
            label={t('editor.field.language')}
            value={draft.language}
            choices={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
          <SelectField path={['level']} label={t('editor.field.level')} value={draft.level} choices={LEVELS.map((l) => ({ value: l, label: t(`levels.${l}`) }))} />
        </div>
      </div>
      <div className="panel">
        <CheckboxGroup path={['themes']} legend={t('editor.field.themes')} choices={THEMES.map((id) => ({ value: id, label: t(`themes.${id}`) }))} selected={draft.themes} />
        <CheckboxGroup path={['audiences']} legend={t('editor.field.audiences')} choices={AUDIENCES.map((a) => ({ value: a, label: t(`editor.audience.${a}`) }))} selected={draft.audiences} />
        <TextList
          path={['learningOutcomes']}
          legend={t('editor.field.learningOutcomes')}
          items={draft.learningOutcomes}
          itemLabel={(n) => t('editor.label.outcome', { n })}
          itemName={(n) => t('editor.item.outcome', { n })}
          addLabel={t('editor.add.outcome')}
          help={t('editor.help.outcomes')}
        />
      </div>
      <div className="panel">
        <CheckboxGroup path={['prerequisites']} legend={t('editor.field.prerequisites')} choices={prerequisites} selected={draft.prerequisites} help={t('editor.help.prerequisites')} scroll />
        <CheckboxGroup path={['references']} legend={t('editor.field.references')} choices={referenceChoices(references)} selected={draft.references} scroll />
      </div>
      <PlaceholderForm draft={draft} />
      <div className="panel">
        <div className="editor-row">
          <TextField path={['license']} label={t('editor.field.license')} value={draft.license} content={false} help={t('editor.help.license')} />
          <TextField path={['provenance', 'author']} label={t('editor.field.author')} value={draft.provenance.author} />
        </div>
      </div>
    </section>
  );
}
