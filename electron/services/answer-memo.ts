/**
 * Answers to read-only requests, kept while what they were computed from stays the same: one source object
 * (compared by identity) at one version. A request is keyed by its JSON (requests arrive parsed by their zod
 * schema, so equal requests give equal JSON); the keys live in a Map, never on an object, so a request holding
 * `__proto__` or `constructor` is a key like any other.
 *
 * Answers are handed to every caller that asks the same, so they must be frozen.
 */
export class AnswerMemo<Source extends object, Request, Answer> {
  private source: Source | null = null;
  private version = -1;
  private readonly answers = new Map<string, Answer>();

  constructor(
    private readonly versionOf: (source: Source) => number,
    /** Distinct requests kept at most; the oldest is dropped first. */
    private readonly limit = 256,
  ) {}

  answer(source: Source, request: Request, compute: () => Answer): Answer {
    const version = this.versionOf(source);
    if (source !== this.source || version !== this.version) {
      this.answers.clear();
      this.source = source;
      this.version = version;
    }
    const key = JSON.stringify(request);
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const answer = compute();
    if (this.answers.size >= this.limit) {
      const oldest = this.answers.keys().next();
      if (oldest.done !== true) this.answers.delete(oldest.value);
    }
    this.answers.set(key, answer);
    return answer;
  }
}
