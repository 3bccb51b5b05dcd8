import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../../../shared/domain/languages';
import type { FacetCounts } from '../../../../shared/domain/library-search';
import { own } from '../../../../shared/domain/own';
import type { LibraryQuery } from '../../../../shared/schemas/library-query';
import { AUDIENCES, LEVELS } from '../../../../shared/schemas/module';
import { THEMES } from '../../../../shared/schemas/themes';

type Props = { query: LibraryQuery; facets: FacetCounts; onChange: (patch: Partial<LibraryQuery>) => void };

/** Filters with how many modules each would show; OR within a group, AND across groups. */
export function FacetPanel({ query, facets, onChange }: Props) {
  const { t } = useTranslation();
  const hasFilters =
    [query.themes, query.languages, query.audiences, query.levels, query.sources].some((list) => list !== undefined && list.length > 0) ||
    query.minMinutes !== undefined ||
    query.maxMinutes !== undefined;

  return (
    <aside className="facets" aria-label={t('library.filters')}>
      <Group legend={t('library.themes')} values={THEMES} selected={query.themes} counts={facets.themes} label={(v) => t(`themes.${v}`)}
        onChange={(themes) => { onChange({ themes }); }} />
      <Group legend={t('library.languages')} values={LANGUAGES} selected={query.languages} counts={facets.languages} label={(v) => t(`languages.${v}`)}
        onChange={(languages) => { onChange({ languages }); }} />
      <Group legend={t('library.audiences')} values={AUDIENCES} selected={query.audiences} counts={facets.audiences} label={(v) => t(`module.audienceNames.${v}`)}
        onChange={(audiences) => { onChange({ audiences }); }} />
      <Group legend={t('library.levels')} values={LEVELS} selected={query.levels} counts={facets.levels} label={(v) => t(`levels.${v}`)}
        onChange={(levels) => { onChange({ levels }); }} />
      <Group
        legend={t('library.sources')}
        values={Object.keys(facets.sources).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))}
        selected={query.sources}
        counts={facets.sources}
        label={(v) => (v === '' ? t('library.localSource') : v)}
        onChange={(sources) => {
          onChange({ sources });
        }}
      />
      <fieldset className="facets__group">
        <legend>{t('library.duration')}</legend>
        <div className="facets__range">
          <HoursInput label={t('library.minHours')} minutes={query.minMinutes} onChange={(minMinutes) => { onChange({ minMinutes }); }} />
          <HoursInput label={t('library.maxHours')} minutes={query.maxMinutes} onChange={(maxMinutes) => { onChange({ maxMinutes }); }} />
        </div>
      </fieldset>
      {hasFilters && (
        <button type="button" className="button button--small"
          onClick={() => { onChange({ themes: undefined, languages: undefined, audiences: undefined, levels: undefined, sources: undefined, minMinutes: undefined, maxMinutes: undefined }); }}>
          {t('library.clearFilters')}
        </button>
      )}
    </aside>
  );
}

function Group<T extends string>({ legend, values, selected, counts, label, onChange }: {
  legend: string; values: readonly T[]; selected: T[] | undefined; counts: Readonly<Record<string, number>>; label: (value: T) => string; onChange: (next: T[] | undefined) => void;
}) {
  const chosen = new Set(selected ?? []);
  // Values with no module and not chosen are noise in a long list; keep chosen ones so they can be cleared.
  const shown = values.filter((v) => (own(counts, v) ?? 0) > 0 || chosen.has(v));
  if (shown.length === 0) return null;
  return (
    <fieldset className="facets__group">
      <legend>{legend}</legend>
      {shown.map((value) => (
        <label key={value} className="facets__option">
          <input
            type="checkbox"
            checked={chosen.has(value)}
            onChange={(e) => {
              const next = e.target.checked ? [...chosen, value] : [...chosen].filter((v) => v !== value);
              onChange(next.length > 0 ? next : undefined);
            }}
          />
          <span>{label(value)}</span>
          <span className="facets__count">{own(counts, value) ?? 0}</span>
        </label>
      ))}
    </fieldset>
  );
}

function HoursInput({ label, minutes, onChange }: { label: string; minutes: number | undefined; onChange: (minutes: number | undefined) => void }) {
  return (
    <label className="field field--compact">
      <span>{label}</span>
      <input
        type="number"
        min={0}
        max={1000}
        step={0.5}
        inputMode="decimal"
        value={minutes === undefined ? '' : minutes / 60}
        onChange={(e) => {
          const hours = e.target.valueAsNumber;
          onChange(Number.isFinite(hours) && hours >= 0 ? Math.round(hours * 60) : undefined);
        }}
      />
    </label>
  );
}
