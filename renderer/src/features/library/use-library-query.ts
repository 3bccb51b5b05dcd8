import { useState } from 'react';
import type { LibraryQuery } from '../../../../shared/schemas/library-query';

export type LibraryQueryState = { value: LibraryQuery; set: (next: LibraryQuery) => void };

/** The search and filters, kept by the shell so that opening a module and coming back keeps them. */
export function useLibraryQuery(): LibraryQueryState {
  const [value, set] = useState<LibraryQuery>({ sort: 'relevance' });
  return { value, set };
}
