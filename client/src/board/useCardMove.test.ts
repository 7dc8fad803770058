import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CardDto } from '@shared/protocol/board'
import type { Actor } from '@shared/domain/moves'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import { emitCommand, type CommandResult } from '../realtime/socket'
import { useNoticesStore } from '../stores/notices'
import { testCard } from './testCard'
import { useCardMove, type CardMoveHost } from './useCardMove'

vi.mock('../realtime/socket', () => ({ emitCommand: vi.fn() }))
vi.mock('../lib/opId', () => ({ newOpId: () => 'op-under-test' }))
// The app's i18n module sets the page's language when imported; these tests run without a page.
vi.mock('../i18n', async () => {
  const { createI18n } = await import('vue-i18n')
  const { default: id } = await import('../i18n/id.json')
  return { i18n: createI18n({ legacy: false, locale: 'id', messages: { id } }), currentLocale: () => 'id' }
})
const emit = vi.mocked(emitCommand)

const card = (step: number, lane: string): CardDto => testCard({ id: 'c1', step, lane, version: 4 })

const person = (role: string): Actor => ({ id: 'u1', role, unitId: null, isAdmin: false })

function setup(held: CardDto, actor: Actor, pending = false) {
  const host = {
    cardOf: (id: string) => (id === held.id ? held : undefined),
    templateOf: () => MONEV_KINERJA,
    actor: () => actor,
    isPending: () => pending,
    sent: vi.fn(),
    settled: vi.fn(),
    refused: vi.fn(),
    heard: vi.fn(),
    undoWindowMs: () => 10_000,
  } satisfies CardMoveHost
  return { host, move: useCardMove(host), notices: useNoticesStore() }
}

/** Lets the awaited ack resolve. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  setActivePinia(createPinia())
  emit.mockReset()
})

describe('useCardMove', () => {
  it('sends an allowed move at once, shows it, and settles it from the ack', async () => {
    const held = card(1, 'sekretaris')
    const stored = { ...held, step: 2, lane: 'kepala_bidang', version: 5 }
    emit.mockResolvedValue({ ok: true, data: stored } satisfies CommandResult<CardDto>)
    const { host, move } = setup(held, person('sekretaris'))

    move.request('c1', { step: 2, lane: 'kepala_bidang' })
    await settle()

    expect(move.noteRequest.value).toBeNull()
    const sent = { cardId: 'c1', to: { step: 2, lane: 'kepala_bidang' }, kind: 'advance', opId: 'op-under-test' }
    expect(host.sent).toHaveBeenCalledWith(held, sent)
    expect(emit).toHaveBeenCalledWith('card:move', { opId: 'op-under-test', cardId: 'c1', version: 4, to: { step: 2, lane: 'kepala_bidang' } })
    expect(host.settled).toHaveBeenCalledWith(sent, stored)
    expect(host.refused).not.toHaveBeenCalled()
  })

  it('refuses a move the rules forbid with the reason, and sends nothing', () => {
    const { host, move, notices } = setup(card(1, 'sekretaris'), person('sekretaris'))
    move.request('c1', { step: 3, lane: 'kasubag_program' })
    expect(notices.items.map((n) => [n.tone, n.text])).toEqual([['error', 'Tahap tidak boleh dilompati atau dimundurkan; kartu hanya maju satu tahap.']])
    expect(host.sent).not.toHaveBeenCalled()
    expect(emit).not.toHaveBeenCalled()
  })

  it('asks for a note where the rules require one, and sends it with the note', async () => {
    emit.mockResolvedValue({ ok: true, data: card(10, 'kasubag_program') })
    const { host, move } = setup(card(11, 'kasubag_program'), person('kasubag_program'))

    move.request('c1', { step: 10, lane: 'kasubag_program' })
    expect(move.noteRequest.value).toEqual({ cardId: 'c1', to: { step: 10, lane: 'kasubag_program' }, kind: 'return' })
    expect(emit).not.toHaveBeenCalled()

    move.confirmNote('Angka belum sesuai.')
    await settle()
    expect(move.noteRequest.value).toBeNull()
    expect(host.sent.mock.calls[0]?.[1]).toMatchObject({ kind: 'return', note: 'Angka belum sesuai.' })
    expect(emit.mock.calls[0]?.[1]).toMatchObject({ note: 'Angka belum sesuai.' })
  })

  it('sends nothing when the note dialog is cancelled', () => {
    const { host, move } = setup(card(11, 'kasubag_program'), person('kasubag_program'))
    move.request('c1', { step: 10, lane: 'kasubag_program' })
    move.cancelNote()
    expect(move.noteRequest.value).toBeNull()
    expect(host.sent).not.toHaveBeenCalled()
  })

  it('rolls back a refused move and says why', async () => {
    emit.mockResolvedValue({ ok: false, error: { code: 'FORBIDDEN', reason: 'not_your_unit', params: { unit: 'PPIK' } } })
    const { host, move, notices } = setup(card(1, 'sekretaris'), person('sekretaris'))

    move.request('c1', { step: 2, lane: 'kepala_bidang' })
    await settle()

    expect(host.refused).toHaveBeenCalledWith(host.sent.mock.calls[0]?.[1], { code: 'FORBIDDEN', reason: 'not_your_unit', params: { unit: 'PPIK' } })
    expect(host.settled).not.toHaveBeenCalled()
    expect(notices.items.at(-1)).toMatchObject({ tone: 'error', lines: ['Kartu PPIK bukan milik unit Anda.'] })
  })

  it('does not send a second move while one is on its way', () => {
    const { host, move, notices } = setup(card(1, 'sekretaris'), person('sekretaris'), true)
    move.request('c1', { step: 2, lane: 'kepala_bidang' })
    expect(notices.items.map((n) => n.tone)).toEqual(['warning'])
    expect(host.sent).not.toHaveBeenCalled()
  })
})

describe('the undo after a move', () => {
  const held = card(1, 'sekretaris')
  const entry = { opId: 'op-under-test', seq: 2, kind: 'advance' as const, at: '2027-01-04T02:00:00.000Z', by: { id: 'u1', name: 'Siti' }, from: { step: 1, lane: 'sekretaris' }, to: { step: 2, lane: 'kepala_bidang' }, note: '' }
  const moved: CardDto = { ...held, step: 2, lane: 'kepala_bidang', version: 5, lastEntry: entry }
  const undone: CardDto = { ...held, version: 6, lastEntry: { ...entry, opId: 'op-under-test', seq: 3, kind: 'undo', from: entry.to, to: entry.from } }

  async function movedWithToast() {
    emit.mockResolvedValueOnce({ ok: true, data: moved })
    const ctx = setup(held, person('sekretaris'))
    ctx.move.request('c1', { step: 2, lane: 'kepala_bidang' })
    await settle()
    const toast = ctx.notices.items.at(-1)
    return { ...ctx, toast }
  }

  it('says where the card went, with a real "Urungkan" action for the window', async () => {
    const { toast } = await movedWithToast()
    expect(toast).toMatchObject({ tone: 'success', text: 'PPIK dipindahkan ke Tahap 2 · Kepala Bidang', action: { label: 'Urungkan' } })
  })

  it('sends card:undo naming the move, settles the card from the ack and closes the toast', async () => {
    const { host, notices, toast } = await movedWithToast()
    emit.mockResolvedValueOnce({ ok: true, data: undone })
    notices.act(toast!.id)
    await settle()
    expect(emit).toHaveBeenLastCalledWith('card:undo', { opId: 'op-under-test', cardId: 'c1', seq: 2 })
    expect(host.heard).toHaveBeenCalledWith(undone)
    expect(notices.items.find((n) => n.id === toast!.id)).toBeUndefined()
    expect(notices.items.at(-1)).toMatchObject({ tone: 'success', text: 'Pemindahan PPIK diurungkan; kembali ke Tahap 1 · Sekretaris' })
  })

  it('says why the server refused the undo, and shows the card where it is now', async () => {
    const { host, notices, toast } = await movedWithToast()
    const now = { ...moved, version: 5 }
    emit.mockResolvedValueOnce({ ok: false, error: { code: 'STALE', reason: 'undo_overtaken', card: now } })
    notices.act(toast!.id)
    await settle()
    expect(host.heard).toHaveBeenCalledWith(now)
    expect(notices.items.at(-1)).toMatchObject({
      tone: 'error',
      text: 'Pemindahan PPIK tidak diurungkan',
      lines: ['Kartu ini sudah berubah lagi sejak dipindahkan, jadi pemindahan itu tidak dapat diurungkan.'],
    })
  })

  it("offers no undo when the ack's last entry is another move than this one", async () => {
    emit.mockResolvedValueOnce({ ok: true, data: { ...moved, lastEntry: { ...entry, opId: 'someone-else', seq: 3 } } })
    const { move, notices } = setup(held, person('sekretaris'))
    move.request('c1', { step: 2, lane: 'kepala_bidang' })
    await settle()
    expect(notices.items.at(-1)).toMatchObject({ tone: 'success' })
    expect(notices.items.at(-1)?.action).toBeUndefined()
  })

  it('offers no undo for a move the ack does not name (no seq)', async () => {
    emit.mockResolvedValueOnce({ ok: true, data: { ...moved, lastEntry: { ...entry, seq: undefined } } })
    const { move, notices } = setup(held, person('sekretaris'))
    move.request('c1', { step: 2, lane: 'kepala_bidang' })
    await settle()
    expect(notices.items.at(-1)).toMatchObject({ tone: 'success' })
    expect(notices.items.at(-1)?.action).toBeUndefined()
  })
})

describe('a bulk advance', () => {
  const to = { step: 2, lane: 'kepala_bidang' }
  const from = { step: 1, lane: 'sekretaris' }

  it('sends each card on its own and reports each outcome: stored, refused by the server, moved away before', async () => {
    const held: Record<string, CardDto> = {
      a: testCard({ id: 'a', unit: { id: 'ppik', name: 'PPIK', shortName: 'PPIK' } }),
      b: testCard({ id: 'b', unit: { id: 'psdm', name: 'PSDM', shortName: 'PSDM' } }),
      c: testCard({ id: 'c', unit: { id: 'mpk', name: 'MPK', shortName: 'MPK' }, step: 2, lane: 'kepala_bidang' }),
    }
    const host = {
      cardOf: (id: string) => held[id],
      templateOf: () => MONEV_KINERJA,
      actor: () => person('sekretaris'),
      isPending: () => false,
      sent: vi.fn(),
      settled: vi.fn(),
      refused: vi.fn(),
      heard: vi.fn(),
    } satisfies CardMoveHost
    emit.mockImplementation(async (_event, payload) => {
      const { cardId } = payload as { cardId: string }
      if (cardId === 'b') return { ok: false, error: { code: 'STALE', reason: 'stale', card: { ...held.b!, ...to, version: 2 } } }
      return { ok: true, data: { ...held.a!, ...to, version: 2, lastEntry: { ...held.a!.lastEntry, opId: 'op-under-test', seq: 2 } } }
    })
    const move = useCardMove(host)

    const outcomes = await move.advanceMany(['a', 'b', 'c'], from, to)

    expect(emit).toHaveBeenCalledTimes(2)
    expect(outcomes.map((o) => [o.unit, o.ok])).toEqual([['PPIK', true], ['PSDM', false], ['MPK', false]])
    expect(outcomes[0]).toMatchObject({ place: 'Tahap 2 · Kepala Bidang', seq: 2 })
    expect(host.refused).toHaveBeenCalledTimes(1)
    expect(outcomes[2]).toMatchObject({ reason: 'kartu sudah berada di Tahap 2 · Kepala Bidang' })
    // Nothing of it is a toast: the dialog reports it.
    expect(useNoticesStore().items).toEqual([])
  })
})
