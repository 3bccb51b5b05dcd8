/** One progress bar of a running background task (an export, a trainer kit), with what it is doing. */
export function TaskProgress({ label, done, total, barLabel, percentText }: { label: string; done: number; total: number; barLabel: string; percentText: (percent: number) => string }) {
  const percent = total > 0 ? Math.min(100, Math.round((100 * done) / total)) : null;
  return (
    <div className="export-progress" role="status">
      <span className="export-progress__label">{label}</span>
      {/* Without a total yet the bar is indeterminate rather than stuck at 0 %. */}
      <progress max={100} {...(percent === null ? {} : { value: percent })} aria-label={barLabel} />
      {percent !== null && <span className="export-progress__percent">{percentText(percent)}</span>}
    </div>
  );
}
