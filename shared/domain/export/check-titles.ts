/**
 * What each check finds, in a few words per document language, for the quality page of the full document.
 * The page names where (module, lesson, day, in the document's numbering) and the finding's own words
 * (an objective, a placeholder) beside it, so a title says only what kind of problem it is. The type lists
 * every check code: a new check does not compile until it has a title in each language.
 */
import type { CheckCode } from '../curriculum/checks';
import type { Language } from '../languages';

type CheckTitles = Readonly<Record<CheckCode, string>>;

const EN: CheckTitles = {
  'curriculum-empty': 'The course has no modules or sessions',
  'prerequisite-missing': 'A module it builds on is not in the course',
  'prerequisite-after': 'A module it builds on comes after it',
  'duplicate-module': 'The module is in the course more than once',
  'module-language-differs': 'The module is in another language than the course',
  'audience-mismatch': 'The module is written for another audience',
  'hours-exceed-days': 'The teaching hours exceed the planned days',
  'schedule-exceeds-days': 'The timetable needs more days than planned',
  'days-underused': 'Teaching time of the planned days is not used',
  'theme-not-covered': 'A required theme is not covered',
  'no-human-rights-lesson': 'No lesson on human rights',
  'no-gender-lesson': 'No lesson on gender-responsive policing',
  'all-lessons-omitted': 'Every lesson of the module is left out',
  'lesson-no-objectives': 'The lesson has no learning objectives',
  'lesson-no-evaluation': 'The lesson has no assessment',
  'objective-not-taught': 'No activity teaches this objective',
  'objective-not-assessed': 'No evaluation item tests this objective',
  'sensitive-before-opening': 'Sensitive material comes before the opening session',
  'sensitive-without-opening': 'Sensitive material and no opening session',
  'placeholder-unfilled': 'A placeholder has no value',
  'translation-outdated': 'The translation is behind its source module',
  'update-available': 'A newer revision is in the library',
  'module-not-in-library': 'The module is no longer in the library',
  'stale-override': 'A change to the module no longer applies',
  'longer-than-day': 'Longer than a teaching day',
  'moved-to-next-day': 'Moved to the next day',
  'pin-unmet': 'Not on the day it was moved to',
  'pin-beyond-days': 'Moved to a day beyond the course',
  'break-delayed': 'A break is delayed',
};

const FR: CheckTitles = {
  'curriculum-empty': 'Le cours n’a ni module ni séance',
  'prerequisite-missing': 'Un module préalable ne fait pas partie du cours',
  'prerequisite-after': 'Un module préalable vient après lui',
  'duplicate-module': 'Le module figure plusieurs fois dans le cours',
  'module-language-differs': 'Le module n’est pas dans la langue du cours',
  'audience-mismatch': 'Le module est écrit pour un autre public',
  'hours-exceed-days': 'Les heures d’enseignement dépassent les jours prévus',
  'schedule-exceeds-days': 'L’emploi du temps demande plus de jours que prévu',
  'days-underused': 'Du temps d’enseignement des jours prévus reste inutilisé',
  'theme-not-covered': 'Un thème obligatoire n’est pas traité',
  'no-human-rights-lesson': 'Aucune leçon sur les droits de l’homme',
  'no-gender-lesson': 'Aucune leçon sur une police sensible au genre',
  'all-lessons-omitted': 'Toutes les leçons du module sont omises',
  'lesson-no-objectives': 'La leçon n’a pas d’objectifs d’apprentissage',
  'lesson-no-evaluation': 'La leçon n’a pas d’évaluation',
  'objective-not-taught': 'Aucune activité n’enseigne cet objectif',
  'objective-not-assessed': 'Aucun élément d’évaluation ne mesure cet objectif',
  'sensitive-before-opening': 'Du contenu sensible précède la séance d’ouverture',
  'sensitive-without-opening': 'Du contenu sensible sans séance d’ouverture',
  'placeholder-unfilled': 'Un champ à compléter n’a pas de valeur',
  'translation-outdated': 'La traduction est en retard sur son module source',
  'update-available': 'Une révision plus récente est dans la bibliothèque',
  'module-not-in-library': 'Le module n’est plus dans la bibliothèque',
  'stale-override': 'Une modification du module ne s’applique plus',
  'longer-than-day': 'Plus long qu’une journée de formation',
  'moved-to-next-day': 'Reporté au jour suivant',
  'pin-unmet': 'Pas le jour où il a été déplacé',
  'pin-beyond-days': 'Déplacé à un jour au-delà du cours',
  'break-delayed': 'Une pause est retardée',
};

const AR: CheckTitles = {
  'curriculum-empty': 'لا تتضمن الدورة أي وحدة أو جلسة',
  'prerequisite-missing': 'وحدة تُبنى عليها غير مدرجة في الدورة',
  'prerequisite-after': 'وحدة تُبنى عليها تأتي بعدها',
  'duplicate-module': 'الوحدة مدرجة في الدورة أكثر من مرة',
  'module-language-differs': 'الوحدة بلغة غير لغة الدورة',
  'audience-mismatch': 'الوحدة مكتوبة لفئة أخرى',
  'hours-exceed-days': 'ساعات التدريس تتجاوز الأيام المقررة',
  'schedule-exceeds-days': 'الجدول الزمني يحتاج إلى أيام أكثر من المقرر',
  'days-underused': 'جزء من وقت التدريس في الأيام المقررة غير مستخدم',
  'theme-not-covered': 'محور إلزامي غير مغطى',
  'no-human-rights-lesson': 'لا يوجد درس عن حقوق الإنسان',
  'no-gender-lesson': 'لا يوجد درس عن العمل الشرطي المراعي للنوع الاجتماعي',
  'all-lessons-omitted': 'جميع دروس الوحدة مستبعدة',
  'lesson-no-objectives': 'الدرس بلا أهداف تعلّم',
  'lesson-no-evaluation': 'الدرس بلا تقييم',
  'objective-not-taught': 'لا يوجد نشاط يدرّس هذا الهدف',
  'objective-not-assessed': 'لا يوجد بند تقييم يقيس هذا الهدف',
  'sensitive-before-opening': 'محتوى حسّاس يسبق الجلسة الافتتاحية',
  'sensitive-without-opening': 'محتوى حسّاس دون جلسة افتتاحية',
  'placeholder-unfilled': 'حقل قابل للتخصيص بلا قيمة',
  'translation-outdated': 'الترجمة متأخرة عن الوحدة الأصلية',
  'update-available': 'توجد نسخة أحدث في المكتبة',
  'module-not-in-library': 'الوحدة لم تعد في المكتبة',
  'stale-override': 'تعديل على الوحدة لم يعد ينطبق',
  'longer-than-day': 'أطول من يوم تدريبي',
  'moved-to-next-day': 'نُقل إلى اليوم التالي',
  'pin-unmet': 'ليس في اليوم الذي نُقل إليه',
  'pin-beyond-days': 'نُقل إلى يوم بعد نهاية الدورة',
  'break-delayed': 'استراحة مؤجلة',
};

const TITLES: Readonly<Record<Language, CheckTitles>> = { en: EN, fr: FR, ar: AR };

/** The title of a check code in a document language. */
export function checkTitle(code: CheckCode, language: Language): string {
  return TITLES[language][code];
}
