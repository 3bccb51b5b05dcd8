/** The shape of a zod issue that matters for a message; kept structural so this file needs no zod import. */
type Issue = { path: readonly PropertyKey[]; message: string };

/** "lessons.0.steps.2.minutes: Too small (and 2 more problems)": names the field, stays one line. */
export function describeIssues(issues: readonly Issue[]): string {
  const [first] = issues;
  if (!first) return 'invalid';
  const where = first.path.length > 0 ? `${first.path.map(String).join('.')}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${where}${first.message}${more}`;
}
