/**
 * The few platform globals that shared code may use: both Node and browsers provide them. The shared
 * project deliberately has no DOM or Node types, so that nothing else slips in.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly href: string;
  readonly host: string;
  readonly hostname: string;
  readonly username: string;
  readonly password: string;
  readonly search: string;
  readonly hash: string;
}

/** Timers exist in both; shared code uses them only to yield to the event loop in long jobs. */
declare function setTimeout(callback: () => void, ms?: number): unknown;
