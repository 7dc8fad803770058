import { ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CardDetail, NoteDto } from '@shared/protocol/board'
import { emitCommand, type CommandError } from '../realtime/socket'

export type CardDetailStatus = 'idle' | 'loading' | 'ready' | 'error'

function withNote(detail: CardDetail, note: NoteDto): CardDetail {
  return detail.notes.some((n) => n.id === note.id) ? detail : { ...detail, notes: [...detail.notes, note] }
}

/**
 * The open card panel's history, notes, visits and documents: what a board's slim cards leave out.
 * Loaded with `card:detail` when the panel opens, and again whenever a fact or an ack says the card
 * changed (realtime/events.ts, the board store); a note heard or added is appended at once.
 */
export const useCardDetailStore = defineStore('cardDetail', () => {
  const cardId = ref<string | null>(null)
  const status = ref<CardDetailStatus>('idle')
  const error = ref<CommandError | null>(null)
  // Replaced, never mutated: a card's past can be long, and it is only ever read.
  const detail = shallowRef<CardDetail | null>(null)

  // One load at a time: a change heard during a load asks for one more after it, so the last answer
  // is never older than the last change. Notes added meanwhile are kept if that answer lacks them.
  let loading = false
  let again = false
  let addedMeanwhile: NoteDto[] = []

  async function load(): Promise<void> {
    if (loading) {
      again = true
      return
    }
    const id = cardId.value
    if (!id) return
    loading = true
    again = false
    addedMeanwhile = []
    if (!detail.value) status.value = 'loading'
    const ack = await emitCommand('card:detail', { cardId: id })
    loading = false
    if (cardId.value !== id) {
      // The panel went on to another card meanwhile, or closed.
      if (cardId.value) await load()
      return
    }
    if (ack.ok) {
      detail.value = addedMeanwhile.reduce(withNote, ack.data)
      status.value = 'ready'
      error.value = null
    } else if (!detail.value) {
      // Once shown, a detail stays on screen when a reload fails; the next change loads it again.
      status.value = 'error'
      error.value = ack.error
    }
    if (again) await load()
  }

  /** The panel opened on `id` (or moved to another card). */
  function open(id: string): void {
    if (cardId.value === id) return
    cardId.value = id
    detail.value = null
    error.value = null
    status.value = 'loading'
    void load()
  }

  function close(): void {
    cardId.value = null
    detail.value = null
    error.value = null
    status.value = 'idle'
  }

  /** Something about the card changed (a move, an upload, a tick): load it again if it is open. */
  function changed(id: string): void {
    if (id === cardId.value) void load()
  }

  /** After a reconnect the panel may have missed facts. */
  function resync(): Promise<void> {
    return cardId.value ? load() : Promise.resolve()
  }

  function retry(): void {
    if (cardId.value) void load()
  }

  /** A note heard (card:noted) or just stored by this user. */
  function noted(id: string, note: NoteDto): void {
    if (id !== cardId.value) return
    addedMeanwhile.push(note)
    if (detail.value) detail.value = withNote(detail.value, note)
  }

  return { cardId, status, error, detail, open, close, changed, resync, retry, noted }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useCardDetailStore, import.meta.hot))
