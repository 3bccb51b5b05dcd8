import { fieldLabel } from '../packs/field-label';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A course's field in words ("Days", "Course outcomes"); a field this version does not name keeps its key. */
export function courseFieldLabel(key: string, t: Translate, exists: (key: string) => boolean): string {
  return exists(`sync.courseField.${key}`) ? t(`sync.courseField.${key}`) : key;
}

/** A field of a module, a course or a reference, in words. */
export function labelFor(kind: 'module' | 'course' | 'reference', t: Translate, exists: (key: string) => boolean): (key: string) => string {
  switch (kind) {
    case 'module':
      return (key) => fieldLabel(key, t, exists);
    case 'course':
      return (key) => courseFieldLabel(key, t, exists);
    case 'reference':
      return () => t('sync.kind.reference');
  }
}
