/**
 * `now`, or one millisecond after `previous` when the clock has not moved past it: every save of a course
 * or a module gets a strictly later `updatedAt` than the version it replaces, so two versions never share a
 * stamp and an editor's base stamp names exactly one version.
 */
export function laterStamp(now: Date, previous: string): string {
  const after = Date.parse(previous) + 1;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}
