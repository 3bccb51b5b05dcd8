/**
 * The order test files are handed to the two workers: the end-to-end files spread evenly among the others,
 * instead of all first (Vitest orders projects by name, and "e2e" comes first). One e2e file runs at a time
 * (test/e2e/one-at-a-time.ts), so two handed out together would keep one worker waiting; spread out, one
 * worker runs an e2e file while the other goes through unit and renderer files.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const isEndToEnd = (spec: TestSpecification): boolean => spec.project.name === 'e2e';

export class EndToEndSpreadSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const endToEnd = sorted.filter(isEndToEnd);
    const others = sorted.filter((spec) => !isEndToEnd(spec));
    if (endToEnd.length === 0 || others.length === 0) return sorted;
    // The time each other file took last run (from Vitest's cache), or one second when unknown (a clean clone).
    const weight = (spec: TestSpecification): number =>
      this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`)?.duration ?? 1000;
    const share = others.reduce((total, spec) => total + weight(spec), 0) / endToEnd.length;
    const ordered: TestSpecification[] = [];
    let next = 0;
    for (const spec of endToEnd) {
      ordered.push(spec);
      for (let taken = 0; next < others.length && taken < share; next += 1) {
        const other = others[next] as TestSpecification;
        ordered.push(other);
        taken += weight(other);
      }
    }
    ordered.push(...others.slice(next));
    return ordered;
  }
}
