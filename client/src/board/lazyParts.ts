import { defineAsyncComponent } from 'vue'

// The card panel and the board's dialogs are not needed to draw the board: on a slow link their
// code would only delay the first cards. They are fetched once the board is drawn and live
// (prefetchBoardParts), so the first open is as quick as it was when they were in the board's chunk.
const loaders = {
  CardPanel: () => import('../components/board/CardPanel.vue'),
  CardMoveMenu: () => import('../components/board/CardMoveMenu.vue'),
  BoardMoveNote: () => import('../components/board/BoardMoveNote.vue'),
  BoardBulkMove: () => import('../components/board/BoardBulkMove.vue'),
  BoardShortcuts: () => import('../components/board/BoardShortcuts.vue'),
  StepDetailDialog: () => import('../components/board/StepDetailDialog.vue'),
}

export const CardPanel = defineAsyncComponent(loaders.CardPanel)
export const CardMoveMenu = defineAsyncComponent(loaders.CardMoveMenu)
export const BoardMoveNote = defineAsyncComponent(loaders.BoardMoveNote)
export const BoardBulkMove = defineAsyncComponent(loaders.BoardBulkMove)
export const BoardShortcuts = defineAsyncComponent(loaders.BoardShortcuts)
export const StepDetailDialog = defineAsyncComponent(loaders.StepDetailDialog)

/** Fetches the parts above without drawing them; a failure is left to the part's first use, which tries again. */
export function prefetchBoardParts(): void {
  for (const load of Object.values(loaders)) void load().catch(() => undefined)
}
