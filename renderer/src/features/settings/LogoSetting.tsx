import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logo } from '../../../../shared/schemas/settings';
import { call } from '../../lib/api';
import { logoFromFile, logoType, MAX_LOGO_BYTES, type LogoProblem } from './logo-file';

/** Reads the picture's size in pixels; a file that does not decode is not a usable logo. */
async function pixelSize(file: Blob): Promise<{ width: number; height: number }> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return { width: 0, height: 0 };
  }
}

/** The academy logo printed on the cover of exported documents: choose, see, remove. */
export function LogoSetting({ logo, onChanged }: { logo: Logo | null | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<LogoProblem | 'save-failed' | null>(null);

  async function choose(file: File) {
    setProblem(null);
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Decode only what could be a logo; the checks below then say what is wrong with the rest.
    const pixels = bytes.length <= MAX_LOGO_BYTES && logoType(bytes) ? await pixelSize(file) : { width: 0, height: 0 };
    const result = logoFromFile(bytes, pixels);
    if (typeof result === 'string') {
      setProblem(result);
      return;
    }
    try {
      await call('settings:update', { logo: result });
      onChanged();
    } catch {
      setProblem('save-failed');
    }
  }

  async function remove() {
    await call('settings:update', { logo: null });
    onChanged();
  }

  return (
    <div className="panel">
      <h2 id="logo-title">{t('logo.title')}</h2>
      <p className="muted">{t('logo.help')}</p>
      {logo ? (
        <p>
          <img className="logo-preview" src={`data:image/${logo.type === 'png' ? 'png' : 'jpeg'};base64,${logo.base64}`} alt={t('logo.current')} width={logo.width} height={logo.height} />
        </p>
      ) : (
        <p className="muted">{t('logo.none')}</p>
      )}
      <label className="field">
        <span className="field__label">{t('logo.choose')}</span>
        <input
          type="file"
          accept="image/png,image/jpeg"
          aria-describedby="logo-title"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void choose(file);
          }}
        />
      </label>
      {logo && (
        <button type="button" onClick={() => void remove()}>
          {t('logo.remove')}
        </button>
      )}
      {problem && (
        <p role="alert" className="panel panel--error">
          {t(`logo.problem.${problem}`)}
        </p>
      )}
    </div>
  );
}
