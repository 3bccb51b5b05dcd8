/** Element ids of outline rows, shared by the rows and everything that brings one into view. */
export function itemDomId(itemId: string): string {
  return `composer-item-${itemId}`;
}

export function lessonDomId(itemId: string, lessonCode: string): string {
  return `composer-lesson-${itemId}-${lessonCode.replace('.', '-')}`;
}

export function handleDomId(itemId: string): string {
  return `composer-handle-${itemId}`;
}

/** The button that opens a row's menu of actions (move, remove): where the focus goes back after a move. */
export function actionsDomId(itemId: string): string {
  return `composer-actions-${itemId}`;
}
