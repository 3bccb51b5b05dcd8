/** A readable, unique id from a title: "Use of Force & Firearms" → "use-of-force-firearms". */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
}

/** `base`, or `base-2`, `base-3`... whichever is free. Titles without Latin letters become "module". */
export function uniqueId(title: string, taken: ReadonlySet<string>, fallback = 'module'): string {
  const slug = slugify(title);
  const base = slug.length >= 2 ? slug : fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
