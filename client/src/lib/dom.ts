import { nextTick } from 'vue'

/**
 * Puts keyboard focus back on a card after it moved: the card is re-rendered in its new cell,
 * so the element that had focus no longer exists.
 */
export async function focusCard(cardId: string): Promise<void> {
  await nextTick()
  const el = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)
  el?.focus()
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
}
