import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CardDto } from '../../../shared/schemas/board'
import type { NotificationDto, TaskList } from '../../../shared/schemas/notifications'
import { mayAct, type Actor, type CardPlace, type MoveKind, type Position } from '../../../shared/rules/moves'
import { finishedStep, laneOf, stepOf, type SopStep, type SopTemplate } from '../../../shared/sop/template'
import { api } from '../api/http'
import { bindListeners, emitCommand } from '../realtime/socket'
import { i18n } from '../i18n'
import { newOpId } from '../lib/opId'
import { commandErrorText } from '../lib/commandError'
import { moveTargets, type MoveTarget } from '../lib/moveTargets'
import type { LoadStatus } from '../composables/useRemoteList'
import { useSessionStore } from './session'
import { useNoticesStore } from './notices'

export type TaskCycle = TaskList['cycles'][number]

/** A task's move that needs a note (the return 11 → 10) before it is sent. */
export interface TaskMoveRequest {
  cardId: string
  to: Position
  kind: MoveKind
}

function placeOf(card: CardDto): CardPlace {
  return { unitId: card.unit.id, step: card.step, lane: card.lane }
}

function dueOf(card: CardDto): number {
  return card.dueAt ? new Date(card.dueAt).getTime() : Number.POSITIVE_INFINITY
}

/**
 * "Tugas saya": the cards the signed-in user may act on now, across running cycles, and moving
 * them without the board — the same card:move command and the same shared rules. Administrators
 * get their own lane's cards like everyone else (an override is not a task), so moves here are
 * checked as a holder's, never as an override.
 */
export const useTasksStore = defineStore('tasks', () => {
  const session = useSessionStore()
  const notices = useNoticesStore()
  const t = i18n.global.t

  const cycles = ref<TaskCycle[]>([])
  const cards = ref<CardDto[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  /** Server clock minus browser clock, when the list says what time the server has. */
  const clockOffsetMs = ref(0)
  /** Cards whose move is on its way. */
  const pending = ref<Record<string, true>>({})
  const moveRequest = ref<TaskMoveRequest | null>(null)
  /** True while the "Tugas saya" view is open: only then do arrivals and reconnects refetch. */
  const watching = ref(false)

  const actor = computed<Actor | null>(() => {
    const me = session.me
    return me ? { id: me.id, role: me.role, unitId: me.unitId, isAdmin: false } : null
  })

  const cyclesById = computed(() => new Map(cycles.value.map((c) => [c.id, c])))

  /** Cycles in the server's order, each with its cards, the one due first on top. */
  const groups = computed(() =>
    cycles.value
      .map((cycle) => ({ cycle, cards: cards.value.filter((c) => c.cycleId === cycle.id).sort((a, b) => dueOf(a) - dueOf(b)) }))
      .filter((g) => g.cards.length > 0),
  )

  const count = computed(() => cards.value.length)

  function templateOf(card: CardDto): SopTemplate | undefined {
    return cyclesById.value.get(card.cycleId)?.template
  }

  function stepOfCard(card: CardDto): SopStep | undefined {
    const template = templateOf(card)
    return template && card.step !== finishedStep(template) ? stepOf(template, card.step) : undefined
  }

  function laneName(card: CardDto, lane: string): string {
    const template = templateOf(card)
    return (template && laneOf(template, lane)?.name) || lane
  }

  /** "Tahap 4 · Kasubag Program" in the card's own template. */
  function placeLabel(card: CardDto, pos: Position): string {
    const template = templateOf(card)
    const step = template && pos.step === finishedStep(template) ? t('board.finishedColumn') : t('board.stepN', { n: pos.step })
    return `${step} · ${laneName(card, pos.lane)}`
  }

  function targetsFor(card: CardDto): MoveTarget[] {
    const template = templateOf(card)
    if (!template || !actor.value) return []
    return moveTargets(template, actor.value, placeOf(card), { overrides: false })
  }

  async function load(): Promise<void> {
    if (status.value !== 'ready') status.value = 'loading'
    try {
      const list = await api<TaskList>('GET', '/api/tasks')
      cycles.value = list.cycles
      // A card whose move is in flight keeps its place until the ack settles it.
      cards.value = list.cards.map((c) => (pending.value[c.id] ? (cards.value.find((x) => x.id === c.id) ?? c) : c))
      clockOffsetMs.value = new Date(list.serverTime).getTime() - Date.now()
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = err instanceof Error ? err.message : String(err)
    }
  }

  function open(): void {
    watching.value = true
    void load()
  }

  function close(): void {
    watching.value = false
    moveRequest.value = null
  }

  /** Buttons come here: a move that needs a note asks for it first, the others go at once. */
  function requestMove(card: CardDto, target: MoveTarget): void {
    if (pending.value[card.id]) return
    if (target.noteRequired) {
      moveRequest.value = { cardId: card.id, to: target.to, kind: target.kind }
      return
    }
    void sendMove(card.id, target.to)
  }

  function confirmMoveNote(note: string): void {
    const request = moveRequest.value
    moveRequest.value = null
    if (request) void sendMove(request.cardId, request.to, note)
  }

  function cancelMoveNote(): void {
    moveRequest.value = null
  }

  async function sendMove(cardId: string, to: Position, note?: string): Promise<void> {
    const card = cards.value.find((c) => c.id === cardId)
    if (!card) return
    pending.value = { ...pending.value, [cardId]: true }
    const ack = await emitCommand('card:move', { opId: newOpId(), cardId, version: card.version, to, ...(note ? { note } : {}) })
    const { [cardId]: _settled, ...rest } = pending.value
    pending.value = rest

    if (ack.ok) {
      const moved = ack.data
      const template = templateOf(card)
      // Still the user's to act on (a hand-off to their own lane, the next step in the same lane)?
      const stillMine = template && actor.value && moved.step !== finishedStep(template) && mayAct(template, actor.value, placeOf(moved)) === null
      cards.value = stillMine ? cards.value.map((c) => (c.id === cardId ? moved : c)) : cards.value.filter((c) => c.id !== cardId)
      notices.success(t('tasks.moved', { unit: card.unit.shortName, place: placeLabel(card, moved) }))
      return
    }
    notices.error(t('board.moveFailed', { unit: card.unit.shortName }), [commandErrorText(ack.error, (c) => placeLabel(card, c))])
    // Someone else moved it meanwhile, or the rules changed: the list is out of date.
    void load()
  }

  const onNotification = (n: NotificationDto) => {
    if (watching.value && n.kind === 'arrived') void load()
  }

  const onConnect = () => {
    if (watching.value && status.value !== 'loading') void load()
  }

  const unbind = bindListeners({ 'notification:new': onNotification, connect: onConnect })
  if (import.meta.hot) import.meta.hot.dispose(unbind)

  return {
    cycles,
    cards,
    status,
    error,
    clockOffsetMs,
    pending,
    moveRequest,
    watching,
    groups,
    count,
    templateOf,
    stepOfCard,
    laneName,
    placeLabel,
    targetsFor,
    load,
    open,
    close,
    requestMove,
    confirmMoveNote,
    cancelMoveNote,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTasksStore, import.meta.hot))
