/** The few words the import writes into a module itself, in the module's language. */
import type { Language } from '../languages';

export const IMPORT_TEXTS: Record<Language, { toComplete: string; notPlaced: string; references: string; missingImage: (alt: string, name: string) => string; handout: string; step: (n: number) => string }> = {
  en: {
    toComplete: 'To complete.',
    notPlaced: 'Not placed by the Word import (kept here so that nothing is lost):',
    references: 'References (from the Word document):',
    missingImage: (alt, name) => `Image missing from the import: ${alt || 'no description'} (${name})`,
    handout: 'Handout',
    step: (n) => `Step ${n}`,
  },
  fr: {
    toComplete: 'À compléter.',
    notPlaced: "Non placé par l'import Word (conservé ici pour que rien ne se perde) :",
    references: 'Références (du document Word) :',
    missingImage: (alt, name) => `Image absente de l'import : ${alt || 'sans description'} (${name})`,
    handout: 'Document à distribuer',
    step: (n) => `Étape ${n}`,
  },
  ar: {
    toComplete: 'يُستكمل لاحقًا.',
    notPlaced: 'نص لم يُوزَّع عند الاستيراد من Word (محفوظ هنا كي لا يضيع شيء):',
    references: 'المراجع (من مستند Word):',
    missingImage: (alt, name) => `صورة غير مستوردة: ${alt || 'بلا وصف'} (${name})`,
    handout: 'نشرة',
    step: (n) => `الخطوة ${n}`,
  },
};
