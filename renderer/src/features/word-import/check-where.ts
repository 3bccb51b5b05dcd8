import type { Module } from '../../../../shared/schemas/module';

/** The lesson code a check's path points into ("lessons.2.aim" → "3.3"), or null for the module itself. */
export function checkLesson(module: Module, path: string): string | null {
  const match = /^lessons\.(\d+)/.exec(path);
  return match ? (module.lessons[Number(match[1])]?.code ?? null) : null;
}
