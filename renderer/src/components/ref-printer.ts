import { createContext, useContext } from 'react';
import type { PrintedRef, RefOrigin } from '../../../shared/domain/references/resolve';
import type { TextRef } from '../../../shared/domain/references/syntax';

/**
 * How references in module texts are printed where a text is shown: with the library's codes on a module's
 * page, with the course's numbers in a course. Texts outside any provider show what their author wrote.
 */
export type RefPrinter = (ref: TextRef, origin: RefOrigin) => PrintedRef;

export const RefPrinterContext = createContext<{ print: RefPrinter; origin: RefOrigin } | null>(null);

export function useRefPrinter(): { print: RefPrinter; origin: RefOrigin } | null {
  return useContext(RefPrinterContext);
}
