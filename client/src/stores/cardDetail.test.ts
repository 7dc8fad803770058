import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CardDetail, NoteDto } from '@shared/protocol/board'
import { emitCommand, type CommandResult } from '../realtime/socket'
import { useCardDetailStore } from './cardDetail'

vi.mock('../realtime/socket', () => ({ emitCommand: vi.fn() }))
const emit = vi.mocked(emitCommand)

const note = (id: string): NoteDto => ({ id, at: '2027-01-04T02:00:00.000Z', by: { id: 'u1', name: 'Rina' }, text: id })
const detailOf = (cardId: string, version: number, notes: NoteDto[] = []): CardDetail => ({ cardId, version, history: [], notes, visits: [], documents: [] })

/** The next card:detail answers, each resolved when the test says so. */
function answers() {
  const waiting: ((result: CommandResult<CardDetail>) => void)[] = []
  emit.mockImplementation(() => new Promise((resolve) => waiting.push(resolve as (r: CommandResult<CardDetail>) => void)))
  return {
    get count() {
      return emit.mock.calls.length
    },
    answer(index: number, result: CommandResult<CardDetail>) {
      waiting[index]!(result)
      return new Promise((resolve) => setTimeout(resolve, 0))
    },
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  emit.mockReset()
})

describe('the card panel detail', () => {
  it('loads with card:detail when the panel opens, loading until the answer', async () => {
    const server = answers()
    const store = useCardDetailStore()
    store.open('c1')
    expect(emit).toHaveBeenCalledWith('card:detail', { cardId: 'c1' })
    expect(store.status).toBe('loading')
    await server.answer(0, { ok: true, data: detailOf('c1', 3) })
    expect(store.status).toBe('ready')
    expect(store.detail).toEqual(detailOf('c1', 3))
  })

  it('loads again when the open card changes, not when another card does', async () => {
    const server = answers()
    const store = useCardDetailStore()
    store.open('c1')
    await server.answer(0, { ok: true, data: detailOf('c1', 3) })
    store.changed('c2')
    expect(server.count).toBe(1)
    store.changed('c1')
    expect(server.count).toBe(2)
    // The detail stays on screen while the new one loads.
    expect(store.status).toBe('ready')
    await server.answer(1, { ok: true, data: detailOf('c1', 4) })
    expect(store.detail?.version).toBe(4)
  })

  it('loads once more after a change heard during a load, so the last answer is not older than it', async () => {
    const server = answers()
    const store = useCardDetailStore()
    store.open('c1')
    store.changed('c1')
    store.changed('c1')
    expect(server.count).toBe(1)
    await server.answer(0, { ok: true, data: detailOf('c1', 3) })
    expect(server.count).toBe(2)
    await server.answer(1, { ok: true, data: detailOf('c1', 4) })
    expect(store.detail?.version).toBe(4)
    expect(server.count).toBe(2)
  })

  it('appends a note heard or added at once, once, and keeps it when a load begun before it lacks it', async () => {
    const server = answers()
    const store = useCardDetailStore()
    store.open('c1')
    await server.answer(0, { ok: true, data: detailOf('c1', 3, [note('n1')]) })
    store.noted('c1', note('n2'))
    store.noted('c1', note('n2'))
    store.noted('c2', note('n9'))
    expect(store.detail?.notes.map((n) => n.id)).toEqual(['n1', 'n2'])
    store.changed('c1')
    store.noted('c1', note('n3'))
    await server.answer(1, { ok: true, data: detailOf('c1', 3, [note('n1'), note('n2')]) })
    expect(store.detail?.notes.map((n) => n.id)).toEqual(['n1', 'n2', 'n3'])
  })

  it('says a failed first load, and loads again on retry', async () => {
    const server = answers()
    const store = useCardDetailStore()
    store.open('c1')
    await server.answer(0, { ok: false, error: { code: 'TIMEOUT' } })
    expect(store.status).toBe('error')
    expect(store.error).toEqual({ code: 'TIMEOUT' })
    store.retry()
    await server.answer(1, { ok: true, data: detailOf('c1', 3) })
    expect(store.status).toBe('ready')
    expect(store.error).toBeNull()
  })

  it("drops a closed or left card's answer, and loads the card opened meanwhile", async () => {
    const server = answers()
    const store = useCardDetailStore()
    store.open('c1')
    store.open('c2')
    await server.answer(0, { ok: true, data: detailOf('c1', 3) })
    expect(store.detail).toBeNull()
    expect(emit).toHaveBeenLastCalledWith('card:detail', { cardId: 'c2' })
    store.close()
    await server.answer(1, { ok: true, data: detailOf('c2', 1) })
    expect(store.detail).toBeNull()
    expect(store.status).toBe('idle')
  })
})
