/**
 * `Omit` applied to each member of a union on its own: plain `Omit` on a discriminated union keeps only the
 * keys every member shares, and the discriminant no longer narrows.
 */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
