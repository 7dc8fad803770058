import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { progressOfCounts } from '@shared/domain/progress'
import type { CycleDto, CycleProgress } from '@shared/protocol/cycles'
import type { BoardSnapshot, CardDto, NoteDto, Viewer } from '@shared/protocol/board'
import { BOARD_PAGE_PATH, LAST_NOTE_CHARS, MAX_HAVE, UNDO_WINDOW_SECONDS } from '@shared/protocol/constants'
import type { TimerThreshold } from '@shared/protocol/events'
import { withMove, type CardMovedFact } from '@shared/protocol/cardMoved'
import { unpackCards } from '@shared/protocol/packedCards'
import { checkMove, mayAct, type Actor, type CardPlace, type MoveCheck, type Position, type Refusal } from '@shared/domain/moves'
import { finishedStep, stepOf, type SopStep, type SopTemplate } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'
import { emitCommand, socket, type CommandError } from '../realtime/socket'
import { i18n } from '../i18n'
import { newOpId } from '../lib/opId'
import { commandErrorText } from '../lib/commandError'
import { moveTargets, type MoveTarget } from '../lib/moveTargets'
import { changesWhileAway } from '../lib/boardDiff'
import { useFlash } from '../composables/useFlash'
import * as labels from '../board/labels'
import * as reconcile from '../board/reconcile'
import { moveLocally } from '../board/moveLocally'
import { cellKey, groupByCell, regroup, type UnitOrder } from '../board/cells'
import type { SentMove } from '../board/useCardMove'
import { useSessionStore } from './session'
import { useNoticesStore } from './notices'
import { useCardDetailStore } from './cardDetail'

export type BoardStatus = 'idle' | 'joining' | 'ready' | 'error'
export type ConnectionState = 'connected' | 'reconnecting' | 'offline'

export type { MoveTarget }

const FLASH_MS = 2200

function placeOf(card: CardDto): CardPlace {
  return { unitId: card.unit.id, step: card.step, lane: card.lane }
}

/** A card with one more note, as the server's projection counts it. */
function withNote(card: CardDto, note: NoteDto): CardDto {
  return { ...card, noteCount: card.noteCount + 1, lastNote: { at: note.at, by: note.by.name, text: note.text.slice(0, LAST_NOTE_CHARS) } }
}

/** What a (re)join says it holds, so the answer carries only what changed; too many to name, all is asked for. */
function haveOf(held: Record<string, CardDto>): [string, number][] | undefined {
  const have = Object.values(held).map((c): [string, number] => [c.id, c.seq])
  return have.length <= MAX_HAVE ? have : undefined
}

/** Until a board is opened: the page's own, which server/platform/http/staticFiles.ts preloads with the page. */
let firstBoardOfPage = true
/** The page's board, asked for by main.ts before the session is read and the route resolved. */
let prefetched: { id: string; snapshot: Promise<BoardSnapshot | null> } | null = null

/**
 * The board from GET /api/cycles/:id/board, or null when it cannot be had (the socket join then
 * says why). Not through api/http.ts: a sign-in on this page since the preload left its 401 in the
 * browser's preload cache, and that must not sign the user out again.
 */
async function boardOverHttp(id: string): Promise<BoardSnapshot | null> {
  try {
    const response = await fetch(`/api/cycles/${encodeURIComponent(id)}/board`, { credentials: 'same-origin' })
    return response.ok ? ((await response.json()) as BoardSnapshot) : null
  } catch {
    return null
  }
}

/**
 * On a board's page, its cards are asked for as soon as the code runs (main.ts): the answer the page
 * preloaded then arrives while the session is read and the route resolved, not after them.
 */
export function fetchPageBoard(path: string): void {
  const id = BOARD_PAGE_PATH.exec(path)?.[1]
  if (id) prefetched = { id, snapshot: boardOverHttp(id) }
}

/** The page's own request for board `id`, if it made one; let go either way (it holds a whole board). */
function takePrefetched(id: string): Promise<BoardSnapshot | null> | null {
  const snapshot = prefetched?.id === id ? prefetched.snapshot : null
  prefetched = null
  return snapshot
}

/**
 * The open board: the single source of truth for where every card is. Components render from it
 * and dispatch its actions; drag and drop never moves a card by itself. The server's facts reach
 * it through realtime/events.ts, and how they merge with what it holds is board/reconcile.ts.
 * What the user has open or is dragging, and the move dialog, is the boardView store.
 */
export const useBoardStore = defineStore('board', () => {
  const session = useSessionStore()
  const notices = useNoticesStore()
  const detail = useCardDetailStore()
  const t = i18n.global.t

  const cycleId = ref<string | null>(null)
  const status = ref<BoardStatus>('idle')
  const joinError = ref<CommandError | null>(null)
  const cycle = ref<CycleDto | null>(null)
  const template = ref<SopTemplate | null>(null)
  // Replaced, never mutated: shallow, so thousands of cards are not each wrapped in reactive proxies.
  const cards = shallowRef<Record<string, CardDto>>({})
  const viewers = ref<Viewer[]>([])
  /** The work calendar the step timers run on; replaced live when an administrator edits it. */
  const calendar = ref<WorkCalendar | null>(null)
  /** Server clock minus browser clock, so elapsed times agree across machines with drifting clocks. */
  const clockOffsetMs = ref(0)
  /** How long the server lets a mover undo a move (the toast's "Urungkan"). */
  const undoWindowMs = ref(UNDO_WINDOW_SECONDS * 1000)
  /** The largest document the server takes; null until the snapshot says (the server still checks). */
  const documentMaxBytes = ref<number | null>(null)
  /**
   * The board's room is joined: its moves reach this tab. A board drawn from the page's own request
   * (boardOverHttp) is ready before it is live, and its answer's clock is the socket join's to set.
   */
  const live = ref(false)
  const connection = ref<ConnectionState>(socket.connected ? 'connected' : socket.active ? 'reconnecting' : 'offline')
  /** Moves sent and not yet answered, by card; replaced, never mutated, like `cards`. */
  const pending = shallowRef<Record<string, reconcile.PendingMove<CardDto>>>({})
  /**
   * Cards just changed by someone else (a broadcast, a reconnect, a refused stale move), marked for
   * a moment. Only these data events set it, so it lives beside the facts' actions.
   */
  const { flashing, flash, clear: clearFlash } = useFlash(FLASH_MS)
  /** Last remote change in words, read out by a polite live region for screen-reader users. */
  const announcement = ref('')

  // Set when the connection drops with a board open: the next sync reloads and reports changes.
  let rejoinOnConnect = false

  function held(): reconcile.Held<CardDto> {
    return { cards: cards.value, pending: pending.value }
  }

  function hold(next: reconcile.Held<CardDto>): void {
    cards.value = next.cards
    pending.value = next.pending
  }

  // ---- getters ----

  const actor = computed<Actor | null>(() => {
    const me = session.me
    return me ? { id: me.id, role: me.role, unitId: me.unitId, isAdmin: me.isAdmin } : null
  })

  const lastStep = computed(() => (template.value ? finishedStep(template.value) : 0))

  const unitOrder = computed(() => new Map((cycle.value?.units ?? []).map((u, i) => [u.id, i])))

  // Carried forward from the last grouping (board/cells.ts): a move touches two cells' lists, not all.
  let grouped: { of: Record<string, CardDto>; order: UnitOrder; cells: Map<string, CardDto[]> } | null = null
  const cardsByCell = computed(() => {
    const order = unitOrder.value
    const now = cards.value
    const cells = (grouped?.order === order && regroup(grouped.cells, grouped.of, now, order)) || groupByCell(now, order)
    grouped = { of: now, order, cells }
    return cells
  })

  /** Cards per step, from the cells' lists: a few dozen lengths, not every card. */
  const countByStep = computed(() => {
    const counts = new Map<number, number>()
    for (const list of cardsByCell.value.values()) {
      const step = list[0]?.step
      if (step !== undefined) counts.set(step, (counts.get(step) ?? 0) + list.length)
    }
    return counts
  })

  const progress = computed<CycleProgress>(() =>
    template.value ? progressOfCounts(template.value, countByStep.value) : { cards: 0, finished: 0, stepsDone: 0, stepsTotal: 0 },
  )

  function cardsIn(step: number, lane: string): CardDto[] {
    return cardsByCell.value.get(cellKey(step, lane)) ?? []
  }

  /** The cards in step `step` or a later one, by cell. */
  function cardsFromStep(step: number): CardDto[] {
    return [...cardsByCell.value.values()].filter((list) => (list[0]?.step ?? 0) >= step).flat()
  }

  function laneName(id: string): string {
    return labels.laneName(template.value, id)
  }

  function stepLabel(step: number): string {
    return labels.stepLabel(template.value, step)
  }

  /** "Tahap 3 · Kasubag Program" */
  function placeLabel(pos: Position): string {
    return labels.placeLabel(template.value, pos)
  }

  /** The SOP step a card is in; undefined in the "Selesai" column. */
  function stepOfCard(card: CardDto): SopStep | undefined {
    return template.value && card.step !== lastStep.value ? stepOf(template.value, card.step) : undefined
  }

  function refusalText(refusal: Refusal, card: CardDto): string {
    return labels.refusalText(template.value, refusal, card)
  }

  function errorText(error: CommandError): string {
    return commandErrorText(error, (card) => stepLabel(card.step))
  }

  /** Why the signed-in user may not act on this card now, or null if they may. */
  function actRefusal(cardId: string): Refusal | null {
    const card = cards.value[cardId]
    if (!card || !template.value || !actor.value) return 'not_your_lane'
    return mayAct(template.value, actor.value, placeOf(card))
  }

  /** A cancelled or closed cycle: nothing on its board changes any more (the server refuses it too). */
  const readOnly = computed(() => cycle.value !== null && cycle.value.status !== 'running')

  /** Whether the signed-in user may change this card (move it, tick, upload) in this cycle now. */
  function mayChange(cardId: string): boolean {
    return !readOnly.value && actRefusal(cardId) === null
  }

  /** Why the card is locked for the signed-in user, in words; '' when it is not. */
  function lockText(cardId: string): string {
    if (readOnly.value) return t(`board.ended.locked.${cycle.value?.status ?? 'cancelled'}`)
    const card = cards.value[cardId]
    const refusal = actRefusal(cardId)
    return refusal && card ? refusalText(refusal, card) : ''
  }

  function canDrag(cardId: string): boolean {
    return mayChange(cardId) && !pending.value[cardId]
  }

  function checkTo(cardId: string, to: Position): MoveCheck | null {
    const card = cards.value[cardId]
    if (!card || !template.value || !actor.value) return null
    return checkMove(template.value, actor.value, placeOf(card), to)
  }

  /** Every cell the card may go to now, regular moves first, administrator overrides last. */
  function targetsFor(cardId: string): MoveTarget[] {
    const card = cards.value[cardId]
    if (!card || !template.value || !actor.value || pending.value[cardId] || readOnly.value) return []
    return moveTargets(template.value, actor.value, placeOf(card))
  }

  // ---- snapshot ----

  /**
   * Applies the snapshot (its cards come as rows: shared/protocol/packedCards.ts). A partial one,
   * the answer to a rejoin that said what it holds, has only the cards that changed: each is
   * taken as a fact, and the others stay as held.
   */
  function applySnapshot(snapshot: BoardSnapshot): void {
    const heard = unpackCards(snapshot)
    cycle.value = snapshot.cycle
    template.value = snapshot.template
    viewers.value = snapshot.viewers
    calendar.value = snapshot.calendar
    clockOffsetMs.value = new Date(snapshot.serverTime).getTime() - Date.now() || 0
    undoWindowMs.value = snapshot.undoWindowMs
    documentMaxBytes.value = snapshot.documentMaxBytes
    hold(snapshot.partial ? heard.reduce(reconcile.applyFact, held()) : reconcile.applySnapshot(held(), heard))
  }

  function reset(): void {
    cycleId.value = null
    status.value = 'idle'
    joinError.value = null
    cycle.value = null
    template.value = null
    cards.value = {}
    viewers.value = []
    calendar.value = null
    pending.value = {}
    clearFlash()
    announcement.value = ''
    rejoinOnConnect = false
    live.value = false
  }

  /** The cards held that no move of this browser is waiting on: what a rejoin may name as held. */
  function settledCards(): Record<string, CardDto> {
    const settled: Record<string, CardDto> = {}
    for (const [cardId, card] of Object.entries(cards.value)) {
      if (!pending.value[cardId]) settled[cardId] = card
    }
    return settled
  }

  async function join(id: string): Promise<void> {
    if (cycleId.value && cycleId.value !== id) leave()
    cycleId.value = id
    status.value = 'joining'
    joinError.value = null
    // The page's first board, while the socket is still connecting: the cards the page asked for
    // with itself are drawn at once, and the join names them, so it answers with what changed since.
    const pageBoard = firstBoardOfPage
    firstBoardOfPage = false
    const pageRequest = takePrefetched(id)
    let drawn = false
    if (pageBoard && !socket.connected) {
      const early = await (pageRequest ?? boardOverHttp(id))
      if (cycleId.value !== id) return
      if (early) {
        applySnapshot(early)
        status.value = 'ready'
        drawn = true
      }
    }
    const have = drawn ? haveOf(settledCards()) : undefined
    const ack = await emitCommand('board:join', have ? { cycleId: id, have } : { cycleId: id })
    if (cycleId.value !== id) return // the user went elsewhere meanwhile
    if (!ack.ok && drawn && ack.error.code === 'TIMEOUT') {
      // No socket yet (a slow link, a proxy in the way): the board stays drawn, and goes live when it comes.
      if (socket.connected) void rejoin()
      else rejoinOnConnect = true
      return
    }
    if (ack.ok) {
      applySnapshot(ack.data)
      status.value = 'ready'
      live.value = true
    } else {
      status.value = 'error'
      joinError.value = ack.error
    }
  }

  function retry(): void {
    if (cycleId.value) void join(cycleId.value)
  }

  function leave(): void {
    // Best effort and never queued: a leave sent after the next login would be noise.
    if (cycleId.value && socket.connected) socket.emit('board:leave', { cycleId: cycleId.value }, () => {})
    reset()
  }

  /** The sync step after a (re)connect: a board open when the connection dropped is loaded again. */
  async function resync(): Promise<void> {
    if (!rejoinOnConnect) return
    rejoinOnConnect = false
    await rejoin()
  }

  /** Loads the snapshot again and tells the user what changed while away. */
  async function rejoin(): Promise<void> {
    const id = cycleId.value
    if (!id) return
    const before = settledCards()
    const have = haveOf(before)
    const ack = await emitCommand('board:join', have ? { cycleId: id, have } : { cycleId: id })
    if (cycleId.value !== id) return
    if (!ack.ok) {
      status.value = 'error'
      joinError.value = ack.error
      return
    }
    applySnapshot(ack.data)
    status.value = 'ready'
    live.value = true
    const changes = changesWhileAway(before, Object.values(cards.value).filter((c) => !pending.value[c.id]))
    for (const change of changes) if (change.kind === 'moved' || change.kind === 'added') flash(change.card.id)
    if (changes.length > 0) notices.info(t('board.whileAway'), changes.map((c) => labels.awayChangeText(template.value, c)))
    else notices.success(t('board.reconnectedNoChanges'))
  }

  // ---- moves: what useCardMove (in the boardView store) shows of a move on this board ----

  /** The card moves here at once, by the step the server takes too (board/moveLocally.ts); the ack settles it. */
  function beginMove(card: CardDto, move: SentMove): void {
    const me = session.me
    if (!me || !actor.value || !template.value || !calendar.value) return
    const at = new Date(Date.now() + clockOffsetMs.value)
    const context = { template: template.value, calendar: calendar.value, actor: actor.value, by: { id: me.id, name: me.name }, at }
    hold(reconcile.beginMove(held(), card.id, move.opId, moveLocally(move, context)))
  }

  function settleMove(move: SentMove, card: CardDto): void {
    const before = held()
    const next = reconcile.applyAck(before, move.opId, card)
    if (next === before) return // board left or reloaded meanwhile
    hold(next)
    // The mover hears no card:moved of their own move; an open panel shows it in its history.
    detail.changed(card.id)
    announcement.value = t('board.announce.moved', { unit: card.unit.shortName, place: placeLabel(card) })
  }

  function rollbackMove(move: SentMove, error: CommandError): void {
    const stale = error.code === 'STALE'
    hold(reconcile.rollback(held(), move.cardId, move.opId, stale ? error.card : undefined))
    if (stale) flash(move.cardId)
  }

  /** The card an undo answered with (the card back where it was, or where it is instead): newer wins. */
  function applyHeard(card: CardDto): void {
    if (card.cycleId !== cycleId.value || !isOurs(card.id)) return
    const before = cards.value[card.id]
    hold(reconcile.applyFact(held(), card))
    detail.changed(card.id)
    if (reconcile.placeChanged(before, cards.value[card.id])) {
      announcement.value = t('board.announce.moved', { unit: card.unit.shortName, place: placeLabel(card) })
    }
  }

  // ---- checklist, output, notes ----

  async function setChecklist(cardId: string, index: number, checked: boolean): Promise<void> {
    const card = cards.value[cardId]
    if (!card) return
    const previous = card.checklist
    const checklist = [...previous]
    while (checklist.length <= index) checklist.push(false)
    checklist[index] = checked
    cards.value = { ...cards.value, [cardId]: { ...card, checklist } }
    const ack = await emitCommand('card:checklist', { opId: newOpId(), cardId, index, checked })
    if (ack.ok) return hold(reconcile.applyFact(held(), ack.data))
    const now = cards.value[cardId]
    if (now && now.step === card.step) cards.value = { ...cards.value, [cardId]: { ...now, checklist: previous } }
    notices.error(t('card.checklistFailed'), [errorText(ack.error)])
  }

  async function setOutput(cardId: string, output: string): Promise<boolean> {
    const ack = await emitCommand('card:output', { opId: newOpId(), cardId, output })
    if (ack.ok) {
      hold(reconcile.applyFact(held(), ack.data))
      return true
    }
    notices.error(t('card.outputFailed'), [errorText(ack.error)])
    return false
  }

  /** A dispensation (the Sekretaris or an administrator); the ack is the card with its new deadline. */
  async function extend(cardId: string, amount: number, reason: string): Promise<boolean> {
    const card = cards.value[cardId]
    if (!card) return false
    const ack = await emitCommand('card:extend', { opId: newOpId(), cardId, version: card.version, amount, reason })
    if (ack.ok) {
      hold(reconcile.applyFact(held(), ack.data))
      detail.changed(cardId)
      return true
    }
    notices.error(t('extend.failed', { unit: card.unit.shortName }), [errorText(ack.error)])
    return false
  }

  async function addNote(cardId: string, text: string): Promise<boolean> {
    const ack = await emitCommand('card:note', { opId: newOpId(), cardId, text })
    if (ack.ok) {
      // The note's ack is the note alone: the card counts it here as the server did.
      hold(reconcile.patchCard(held(), cardId, (card) => withNote(card, ack.data)))
      detail.noted(cardId, ack.data)
      return true
    }
    notices.error(t('card.noteFailed'), [errorText(ack.error)])
    return false
  }

  /** The author rewrites (`text`) or deletes (null) their note; the ack's card counts it, the open panel reloads its notes. */
  async function changeNote(cardId: string, noteId: string, text: string | null): Promise<boolean> {
    const ack = text === null ? await emitCommand('card:noteDelete', { opId: newOpId(), cardId, noteId }) : await emitCommand('card:noteEdit', { opId: newOpId(), cardId, noteId, text })
    if (ack.ok) {
      hold(reconcile.applyFact(held(), ack.data))
      detail.changed(cardId)
      return true
    }
    notices.error(t('card.noteChangeFailed'), [errorText(ack.error)])
    return false
  }

  const editNote = (cardId: string, noteId: string, text: string) => changeNote(cardId, noteId, text)
  const deleteNote = (cardId: string, noteId: string) => changeNote(cardId, noteId, null)

  // ---- the server's facts and the connection (routed here by realtime/events.ts) ----

  function isOurs(id: string): boolean {
    return status.value === 'ready' && Object.hasOwn(cards.value, id)
  }

  /** The fact is the move and what it changed; the rest of the card is the one held (or the base of our own move in flight). */
  function applyMoved(fact: CardMovedFact): void {
    const now = held()
    const base = isOurs(fact.id) ? (now.pending[fact.id]?.base ?? now.cards[fact.id]) : undefined
    // Late or duplicate: a card at this version already has later ticks than the move left it with.
    if (!base || !template.value || base.version >= fact.version) return
    const card = withMove(base, fact, template.value)
    const before = cards.value[card.id]
    hold(reconcile.applyFact(now, card))
    // A late or duplicate broadcast leaves the card where it is; our own move in flight stays shown.
    if (!reconcile.placeChanged(before, cards.value[card.id])) return
    flash(card.id)
    announcement.value = t('board.change.movedBy', { unit: card.unit.shortName, place: placeLabel(card), name: card.lastEntry.by.name })
  }

  function applyUpdated({ card }: { card: CardDto }): void {
    if (card.cycleId !== cycleId.value || !isOurs(card.id)) return
    hold(reconcile.applyFact(held(), card))
  }

  /** The fact's card has the note counted (noteCount, lastNote); the panel appends the note itself. */
  function applyNoted({ cycleId: id, card }: { cycleId: string; card: CardDto }): void {
    if (id !== cycleId.value || !isOurs(card.id)) return
    hold(reconcile.applyFact(held(), card))
  }

  function applyPresence({ cycleId: id, viewers: list }: { cycleId: string; viewers: Viewer[] }): void {
    if (id === cycleId.value) viewers.value = list
  }

  /** The cycle was cancelled or closed while the board was open: read-only from now on. */
  function applyCycleEnded(ended: CycleDto): void {
    if (ended.id !== cycleId.value) return
    cycle.value = ended
    const text = t(`board.ended.told.${ended.status === 'closed' ? 'closed' : 'cancelled'}`, { name: ended.ended?.by.name ?? '' })
    announcement.value = text
    notices.warning(text)
  }

  function applyCalendar(next: WorkCalendar): void {
    // Every card's timer follows at the next tick; moved due instants also come as card:updated.
    if (cycleId.value) calendar.value = next
  }

  /** The server crossed a threshold, once for everyone; the timer on the card already shows it. */
  function applyTimer(event: TimerThreshold): void {
    if (event.cycleId !== cycleId.value || !isOurs(event.cardId)) return
    const card = cards.value[event.cardId]
    // A threshold of an earlier visit (the card has moved on since) is history.
    if (!card || card.version !== event.version || pending.value[card.id]) return
    const text = t(`board.timer.${event.state}`, { unit: card.unit.shortName, place: stepLabel(card.step) })
    announcement.value = text
    notices.warning(text)
  }

  function connected(): void {
    connection.value = 'connected'
  }

  function disconnected(reason: string): void {
    // Our own logout and a server-side cut are not retried by the manager; everything else is.
    connection.value = reason === 'io client disconnect' || reason === 'io server disconnect' ? 'offline' : 'reconnecting'
    if (cycleId.value && status.value === 'ready') rejoinOnConnect = true
    live.value = false
  }

  function connectFailed(): void {
    connection.value = socket.active ? 'reconnecting' : 'offline'
  }

  return {
    cycleId,
    status,
    live,
    joinError,
    cycle,
    template,
    cards,
    viewers,
    calendar,
    clockOffsetMs,
    undoWindowMs,
    documentMaxBytes,
    connection,
    pending,
    flashing,
    announcement,
    actor,
    lastStep,
    cardsByCell,
    countByStep,
    progress,
    cardsIn,
    cardsFromStep,
    laneName,
    stepLabel,
    placeLabel,
    stepOfCard,
    refusalText,
    errorText,
    actRefusal,
    readOnly,
    mayChange,
    extend,
    lockText,
    applyCycleEnded,
    canDrag,
    checkTo,
    targetsFor,
    join,
    retry,
    leave,
    reset,
    resync,
    beginMove,
    settleMove,
    rollbackMove,
    applyHeard,
    setChecklist,
    setOutput,
    addNote,
    editNote,
    deleteNote,
    applyMoved,
    applyUpdated,
    applyNoted,
    applyPresence,
    applyCalendar,
    applyTimer,
    connected,
    disconnected,
    connectFailed,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoardStore, import.meta.hot))
