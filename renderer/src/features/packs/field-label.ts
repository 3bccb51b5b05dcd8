import { parseFieldKey } from '../../../../shared/domain/packs/field-keys';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A field's name in words: "Summary", "Lesson 2.3 · Steps", "Lesson 2.3 (the whole lesson)", "Order of the lessons". */
export function fieldLabel(key: string, t: Translate, exists: (key: string) => boolean): string {
  const name = (field: string): string => (exists(`packPreview.field.${field}`) ? t(`packPreview.field.${field}`) : field);
  const parsed = parseFieldKey(key);
  switch (parsed.kind) {
    case 'module':
      return name(parsed.field);
    case 'lesson':
      return t('packPreview.lessonField', { code: parsed.code, field: name(parsed.field) });
    case 'lesson-presence':
      return t('packPreview.lessonWhole', { code: parsed.code });
    case 'lesson-order':
      return t('packPreview.lessonOrder');
  }
}
