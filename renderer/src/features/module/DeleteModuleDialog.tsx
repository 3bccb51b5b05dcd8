import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { ModuleUsage } from '../../../../shared/schemas/library-detail';
import type { Module } from '../../../../shared/schemas/module';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';

/** Asks before deleting and says where the module is used (curricula, prerequisites, translations). */
export function DeleteModuleDialog({ module, usage, onCancel, onDeleted }: { module: Module; usage: ModuleUsage; onCancel: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const used = usage.curricula.length + usage.prerequisiteOf.length + usage.translations.length > 0;

  useEffect(() => {
    cancelRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [onCancel]);

  async function confirm() {
    try {
      await call('library:delete', { id: module.id, confirmed: true });
      onDeleted();
    } catch (error) {
      setFailure(toAppErrorShape(error));
    }
  }

  const groups: [string, { id: string; title: string }[]][] = [
    [t('module.usedInCurricula'), usage.curricula],
    [t('module.usedAsPrerequisite'), usage.prerequisiteOf],
    [t('module.usedTranslations'), usage.translations],
  ];
  return (
    <div className="overlay">
      <div role="alertdialog" aria-modal="true" aria-labelledby="delete-title" aria-describedby="delete-body" className="dialog">
        <h2 id="delete-title">{t('module.deleteTitle')}</h2>
        <div id="delete-body">
          {used ? (
            <>
              <p>{t('module.deleteUsed', { title: module.title })}</p>
              {groups.filter(([, list]) => list.length > 0).map(([label, list]) => (
                <div key={label}>
                  <h3>{label}</h3>
                  <ul>{list.map((u) => <li key={u.id}>{u.title}</li>)}</ul>
                </div>
              ))}
            </>
          ) : (
            <p>{t('module.deleteUnused', { title: module.title })}</p>
          )}
        </div>
        {failure && <ErrorMessage error={failure} />}
        <div className="dialog__actions">
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>{t('module.cancel')}</button>
          <button type="button" className="button button--danger" onClick={() => void confirm()}>{t('module.deleteConfirm')}</button>
        </div>
      </div>
    </div>
  );
}
