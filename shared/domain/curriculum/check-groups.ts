/**
 * Findings that share a cause (a prerequisite that six modules lack) are shown once, with the places they
 * concern under them, in the checks panel, the CLI and the export's quality page.
 */
export function groupByCause<T extends { cause?: string | undefined }>(checks: readonly T[]): T[][] {
  const groups: T[][] = [];
  const byCause = new Map<string, T[]>();
  for (const check of checks) {
    const existing = check.cause === undefined ? undefined : byCause.get(check.cause);
    if (existing) existing.push(check);
    else {
      const group = [check];
      groups.push(group);
      if (check.cause !== undefined) byCause.set(check.cause, group);
    }
  }
  return groups;
}
