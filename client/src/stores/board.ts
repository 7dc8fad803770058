import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import { cycleProgress } from '../../../shared/reports/progress'
import type { CycleDto, CycleProgress } from '../../../shared/schemas/cycles'
import type { BoardSnapshot, CardDto, HistoryEntryDto, NoteDto, Viewer } from '../../../shared/schemas/board'
import type { TimerThreshold } from '../../../shared/events'
import { checkMove, mayAct, type Actor, type CardPlace, type MoveCheck, type MoveKind, type Position, type Refusal } from '../../../shared/rules/moves'
import { finishedStep, laneOf, stepOf, type SopStep, type SopTemplate } from '../../../shared/sop/template'
import type { WorkCalendar } from '../../../shared/time/calendar'
import { bindListeners, emitCommand, socket, type CommandError } from '../realtime/socket'
import { i18n } from '../i18n'
import { newOpId } from '../lib/opId'
import { commandErrorText } from '../lib/commandError'
import { moveTargets, type MoveTarget } from '../lib/moveTargets'
import { changesWhileAway, type AwayChange } from '../lib/boardDiff'
import { useFlash } from '../composables/useFlash'
import { useSessionStore } from './session'
import { useNoticesStore } from './notices'

export type BoardStatus = 'idle' | 'joining' | 'ready' | 'error'
export type ConnectionState = 'connected' | 'reconnecting' | 'offline'

/** A move sent but not yet acked: `base` is the server's last known card, the rollback target. */
interface PendingMove {
  opId: string
  base: CardDto
}

export type { MoveTarget }

const FLASH_MS = 2200

function placeOf(card: CardDto): CardPlace {
  return { unitId: card.unit.id, step: card.step, lane: card.lane }
}

function cellKey(step: number, lane: string): string {
  return `${step}:${lane}`
}

/**
 * The open board: the single source of truth for where every card is. Components render from it
 * and dispatch its actions; drag and drop never moves a card by itself. Socket listeners for the
 * board are bound here, once. What the user has open or is dragging is the boardView store.
 */
export const useBoardStore = defineStore('board', () => {
  const session = useSessionStore()
  const notices = useNoticesStore()
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
  const connection = ref<ConnectionState>(socket.connected ? 'connected' : socket.active ? 'reconnecting' : 'offline')
  const pending = ref<Record<string, PendingMove>>({})
  /**
   * Cards just changed by someone else (a broadcast, a reconnect, a refused stale move), marked for
   * a moment. Only these data events set it, so it lives beside the listeners.
   */
  const { flashing, flash, clear: clearFlash } = useFlash(FLASH_MS)
  /** Last remote change in words, read out by a polite live region for screen-reader users. */
  const announcement = ref('')

  // Set when the connection drops with a board open: the next connect reloads and reports changes.
  let rejoinOnConnect = false

  // ---- getters ----

  const actor = computed<Actor | null>(() => {
    const me = session.me
    return me ? { id: me.id, role: me.role, unitId: me.unitId, isAdmin: me.isAdmin } : null
  })

  const lastStep = computed(() => (template.value ? finishedStep(template.value) : 0))

  const unitOrder = computed(() => new Map((cycle.value?.units ?? []).map((u, i) => [u.id, i])))

  const cardsByCell = computed(() => {
    const byCell = new Map<string, CardDto[]>()
    const order = unitOrder.value
    const sorted = Object.values(cards.value).sort(
      (a, b) => (order.get(a.unit.id) ?? 999) - (order.get(b.unit.id) ?? 999) || a.unit.shortName.localeCompare(b.unit.shortName),
    )
    for (const card of sorted) {
      const key = cellKey(card.step, card.lane)
      const list = byCell.get(key)
      if (list) list.push(card)
      else byCell.set(key, [card])
    }
    return byCell
  })

  const progress = computed<CycleProgress>(() =>
    template.value ? cycleProgress(template.value, Object.values(cards.value).map((c) => c.step)) : { cards: 0, finished: 0, stepsDone: 0, stepsTotal: 0 },
  )

  function cardsIn(step: number, lane: string): CardDto[] {
    return cardsByCell.value.get(cellKey(step, lane)) ?? []
  }

  function laneName(id: string): string {
    return (template.value && laneOf(template.value, id)?.name) || id
  }

  function stepLabel(step: number): string {
    return step === lastStep.value ? t('board.finishedColumn') : t('board.stepN', { n: step })
  }

  /** "Tahap 3 · Kasubag Program" */
  function placeLabel(pos: Position): string {
    return `${stepLabel(pos.step)} · ${laneName(pos.lane)}`
  }

  /** The SOP step a card is in; undefined in the "Selesai" column. */
  function stepOfCard(card: CardDto): SopStep | undefined {
    return template.value && card.step !== lastStep.value ? stepOf(template.value, card.step) : undefined
  }

  function refusalText(refusal: Refusal, card: CardDto): string {
    return t(`refusal.${refusal}`, { lane: laneName(card.lane), unit: card.unit.shortName })
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

  function canDrag(cardId: string): boolean {
    return actRefusal(cardId) === null && !pending.value[cardId]
  }

  function checkTo(cardId: string, to: Position): MoveCheck | null {
    const card = cards.value[cardId]
    if (!card || !template.value || !actor.value) return null
    return checkMove(template.value, actor.value, placeOf(card), to)
  }

  /** Every cell the card may go to now, regular moves first, administrator overrides last. */
  function targetsFor(cardId: string): MoveTarget[] {
    const card = cards.value[cardId]
    if (!card || !template.value || !actor.value || pending.value[cardId]) return []
    return moveTargets(template.value, actor.value, placeOf(card))
  }

  // ---- snapshot ----

  function applySnapshot(snapshot: BoardSnapshot): void {
    cycle.value = snapshot.cycle
    template.value = snapshot.template
    viewers.value = snapshot.viewers
    calendar.value = snapshot.calendar
    clockOffsetMs.value = new Date(snapshot.serverTime).getTime() - Date.now() || 0
    const next: Record<string, CardDto> = {}
    for (const card of snapshot.cards) {
      const waiting = pending.value[card.id]
      if (waiting) {
        // Keep showing the optimistic place; the ack (or its rollback) settles it.
        waiting.base = card
        next[card.id] = cards.value[card.id] ?? card
      } else {
        // The socket joins the room before the server reads the cards, so a card:moved can overtake
        // the snapshot: the newer of the two stays, as on the wall.
        const held = cards.value[card.id]
        next[card.id] = held && held.version > card.version ? held : card
      }
    }
    cards.value = next
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
  }

  async function join(id: string): Promise<void> {
    if (cycleId.value && cycleId.value !== id) leave()
    cycleId.value = id
    status.value = 'joining'
    joinError.value = null
    const ack = await emitCommand('board:join', { cycleId: id })
    if (cycleId.value !== id) return // the user went elsewhere meanwhile
    if (ack.ok) {
      applySnapshot(ack.data)
      status.value = 'ready'
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

  /** After a reconnect: load the snapshot again and tell the user what changed while away. */
  async function rejoin(): Promise<void> {
    const id = cycleId.value
    if (!id) return
    const before: Record<string, CardDto> = {}
    for (const [cardId, card] of Object.entries(cards.value)) {
      if (!pending.value[cardId]) before[cardId] = card
    }
    const ack = await emitCommand('board:join', { cycleId: id })
    if (cycleId.value !== id) return
    if (!ack.ok) {
      status.value = 'error'
      joinError.value = ack.error
      return
    }
    applySnapshot(ack.data)
    status.value = 'ready'
    const changes = changesWhileAway(before, ack.data.cards.filter((c) => !pending.value[c.id]))
    for (const change of changes) if (change.kind === 'moved' || change.kind === 'added') flash(change.card.id)
    if (changes.length > 0) notices.info(t('board.whileAway'), changes.map(describeChange))
    else notices.success(t('board.reconnectedNoChanges'))
  }

  function describeChange(change: AwayChange): string {
    const unit = change.card.unit.shortName
    switch (change.kind) {
      case 'moved':
        return change.by
          ? t('board.change.movedBy', { unit, place: placeLabel(change.card), name: change.by })
          : t('board.change.moved', { unit, place: placeLabel(change.card) })
      case 'noted':
        return t('board.change.noted', { unit, n: change.count, names: change.by.join(', ') }, change.count)
      case 'added':
        return t('board.change.added', { unit })
      case 'removed':
        return t('board.change.removed', { unit })
    }
  }

  // ---- moves ----

  /** Sends a checked move (see boardView's requestMove): the card moves here at once, the ack settles it. */
  async function sendMove(cardId: string, to: Position, kind: MoveKind, note?: string): Promise<void> {
    const card = cards.value[cardId]
    const me = session.me
    if (!card || !me) return
    const opId = newOpId()
    pending.value = { ...pending.value, [cardId]: { opId, base: card } }

    // Optimistic: the card is in its new cell at once; the ack replaces it with the server's card.
    const now = new Date(Date.now() + clockOffsetMs.value).toISOString()
    const entry: HistoryEntryDto = { opId, kind, at: now, by: { id: me.id, name: me.name }, from: { step: card.step, lane: card.lane }, to, note: note ?? '' }
    const stepChanged = to.step !== card.step
    cards.value = {
      ...cards.value,
      [cardId]: {
        ...card,
        step: to.step,
        lane: to.lane,
        enteredStepAt: stepChanged ? now : card.enteredStepAt,
        rounds: kind === 'return' ? card.rounds + 1 : card.rounds,
        checklist: stepChanged ? [] : card.checklist,
        output: stepChanged ? '' : card.output,
        history: [...card.history, entry],
      },
    }

    const ack = await emitCommand('card:move', { opId, cardId, version: card.version, to, ...(note ? { note } : {}) })
    const waiting = pending.value[cardId]
    const { [cardId]: _settled, ...rest } = pending.value
    pending.value = rest
    if (!cards.value[cardId] || waiting?.opId !== opId) return // board closed or reloaded meanwhile

    if (ack.ok) {
      cards.value = { ...cards.value, [cardId]: ack.data }
      announcement.value = t('board.announce.moved', { unit: card.unit.shortName, place: placeLabel(ack.data) })
      return
    }
    const current = ack.error.code === 'STALE' && ack.error.card ? ack.error.card : waiting.base
    cards.value = { ...cards.value, [cardId]: current }
    if (ack.error.code === 'STALE') flash(cardId)
    notices.error(t('board.moveFailed', { unit: card.unit.shortName }), [errorText(ack.error)])
  }

  // ---- checklist, output, notes ----

  /** Replaces a card from an ack of a non-move command, unless a move is in flight or it is older. */
  function acceptCard(card: CardDto): void {
    const held = cards.value[card.id]
    const waiting = pending.value[card.id]
    if (waiting) {
      if (card.version >= waiting.base.version) waiting.base = card
      if (held) cards.value = { ...cards.value, [card.id]: { ...held, notes: card.notes } }
      return
    }
    if (held && card.version < held.version) return
    cards.value = { ...cards.value, [card.id]: card }
  }

  async function setChecklist(cardId: string, index: number, checked: boolean): Promise<void> {
    const card = cards.value[cardId]
    if (!card) return
    const previous = card.checklist
    const checklist = [...previous]
    while (checklist.length <= index) checklist.push(false)
    checklist[index] = checked
    cards.value = { ...cards.value, [cardId]: { ...card, checklist } }
    const ack = await emitCommand('card:checklist', { opId: newOpId(), cardId, index, checked })
    if (ack.ok) return acceptCard(ack.data)
    const now = cards.value[cardId]
    if (now && now.step === card.step) cards.value = { ...cards.value, [cardId]: { ...now, checklist: previous } }
    notices.error(t('card.checklistFailed'), [errorText(ack.error)])
  }

  async function setOutput(cardId: string, output: string): Promise<boolean> {
    const ack = await emitCommand('card:output', { opId: newOpId(), cardId, output })
    if (ack.ok) {
      acceptCard(ack.data)
      return true
    }
    notices.error(t('card.outputFailed'), [errorText(ack.error)])
    return false
  }

  function addNoteLocally(cardId: string, note: NoteDto): void {
    const add = (card: CardDto): CardDto => (card.notes.some((n) => n.id === note.id) ? card : { ...card, notes: [...card.notes, note] })
    const held = cards.value[cardId]
    if (held) cards.value = { ...cards.value, [cardId]: add(held) }
    const waiting = pending.value[cardId]
    if (waiting) waiting.base = add(waiting.base)
  }

  async function addNote(cardId: string, text: string): Promise<boolean> {
    const ack = await emitCommand('card:note', { opId: newOpId(), cardId, text })
    if (ack.ok) {
      addNoteLocally(cardId, ack.data)
      return true
    }
    notices.error(t('card.noteFailed'), [errorText(ack.error)])
    return false
  }

  // ---- listeners, bound once ----

  function isOurs(id: string): boolean {
    return status.value === 'ready' && Object.hasOwn(cards.value, id)
  }

  const onMoved = ({ card, entry }: { card: CardDto; entry: HistoryEntryDto }) => {
    if (card.cycleId !== cycleId.value || status.value !== 'ready') return
    const waiting = pending.value[card.id]
    if (waiting) {
      // Our own move is in flight and will come back STALE; keep the truth for the rollback.
      if (card.version > waiting.base.version) waiting.base = card
      return
    }
    const held = cards.value[card.id]
    if (held && card.version <= held.version) return // late or duplicate broadcast
    cards.value = { ...cards.value, [card.id]: card }
    flash(card.id)
    announcement.value = t('board.change.movedBy', { unit: card.unit.shortName, place: placeLabel(card), name: entry.by.name })
  }

  const onUpdated = ({ card }: { card: CardDto }) => {
    if (card.cycleId !== cycleId.value || !isOurs(card.id)) return
    acceptCard(card)
  }

  const onNoted = ({ cycleId: id, cardId, note }: { cycleId: string; cardId: string; note: NoteDto }) => {
    if (id !== cycleId.value || !isOurs(cardId)) return
    addNoteLocally(cardId, note)
  }

  const onPresence = ({ cycleId: id, viewers: list }: { cycleId: string; viewers: Viewer[] }) => {
    if (id === cycleId.value) viewers.value = list
  }

  const onCalendarChanged = ({ calendar: next }: { calendar: WorkCalendar }) => {
    // Every card's timer follows at the next tick; moved due instants also come as card:updated.
    if (cycleId.value) calendar.value = next
  }

  /** The server crossed a threshold, once for everyone; the timer on the card already shows it. */
  const onTimer = (event: TimerThreshold) => {
    if (event.cycleId !== cycleId.value || !isOurs(event.cardId)) return
    const card = cards.value[event.cardId]
    // A threshold of an earlier visit (the card has moved on since) is history.
    if (!card || card.version !== event.version || pending.value[card.id]) return
    const text = t(`board.timer.${event.state}`, { unit: card.unit.shortName, place: stepLabel(card.step) })
    announcement.value = text
    notices.warning(text)
  }

  const onConnect = () => {
    connection.value = 'connected'
    if (rejoinOnConnect) {
      rejoinOnConnect = false
      void rejoin()
    }
  }

  const onDisconnect = (reason: string) => {
    // Our own logout and a server-side cut are not retried by the manager; everything else is.
    connection.value = reason === 'io client disconnect' || reason === 'io server disconnect' ? 'offline' : 'reconnecting'
    if (cycleId.value && status.value === 'ready') rejoinOnConnect = true
  }

  const onConnectError = () => {
    connection.value = socket.active ? 'reconnecting' : 'offline'
  }

  const unbind = bindListeners({
    'card:moved': onMoved,
    'card:updated': onUpdated,
    'card:noted': onNoted,
    'presence:changed': onPresence,
    'calendar:changed': onCalendarChanged,
    'card:timer': onTimer,
    connect: onConnect,
    disconnect: onDisconnect,
    connect_error: onConnectError,
  })
  if (import.meta.hot) import.meta.hot.dispose(unbind)

  return {
    cycleId,
    status,
    joinError,
    cycle,
    template,
    cards,
    viewers,
    calendar,
    clockOffsetMs,
    connection,
    pending,
    flashing,
    announcement,
    actor,
    lastStep,
    cardsByCell,
    progress,
    cardsIn,
    laneName,
    stepLabel,
    placeLabel,
    stepOfCard,
    refusalText,
    errorText,
    actRefusal,
    canDrag,
    checkTo,
    targetsFor,
    join,
    retry,
    leave,
    reset,
    sendMove,
    setChecklist,
    setOutput,
    addNote,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoardStore, import.meta.hot))
