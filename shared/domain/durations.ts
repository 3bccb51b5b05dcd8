import type { Lesson, Module } from '../schemas/module';

/** A lesson lasts as long as its steps: durations are derived, never stored, so they cannot drift. */
export function lessonMinutes(lesson: Pick<Lesson, 'steps'>): number {
  return lesson.steps.reduce((total, step) => total + step.minutes, 0);
}

export function moduleMinutes(module: Pick<Module, 'lessons'>): number {
  return module.lessons.reduce((total, lesson) => total + lessonMinutes(lesson), 0);
}

/** "2 h 30 min", "45 min": language-neutral enough for lists; the renderer may localise units. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
