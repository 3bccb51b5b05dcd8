import { useTranslation } from 'react-i18next';
import { durationText } from '../lib/duration-text';

/** Minutes as "2 h 30 min" in the UI language. */
export function Duration({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return <>{durationText((key, values) => t(key, values), minutes)}</>;
}
