import { computed, onScopeDispose, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CardDto } from '@shared/protocol/board'
import type { NotificationDto, TaskList } from '@shared/protocol/notifications'
import { mayAct, type Actor, type CardPlace, type Position } from '@shared/domain/moves'
import { finishedStep, stepOf, type SopStep, type SopTemplate } from '@shared/domain/template'
import { api } from '../api/http'
import { moveTargets, type MoveTarget } from '../lib/moveTargets'
import type { LoadStatus } from '../composables/useRemoteList'
import * as labels from '../board/labels'
import { useCardMove } from '../board/useCardMove'
import { byUrgency } from '../lib/urgency'
import { useSessionStore } from './session'
import { useCalendarStore } from './calendar'
import { errorText } from '../ui/errors/text'

export type TaskCycle = TaskList['cycles'][number]

function placeOf(card: CardDto): CardPlace {
  return { unitId: card.unit.id, step: card.step, lane: card.lane }
}

/**
 * "Tugas saya": the cards the signed-in user may act on now, across running cycles, and moving
 * them without the board — the same card:move command and the same shared rules. Administrators
 * get their own lane's cards like everyone else (an override is not a task), so moves here are
 * checked as a holder's, never as an override.
 */
export const useTasksStore = defineStore('tasks', () => {
  const session = useSessionStore()
  const calendar = useCalendarStore()

  const cycles = ref<TaskCycle[]>([])
  const cards = ref<CardDto[]>([])
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)
  /** Server clock minus browser clock, when the list says what time the server has. */
  const clockOffsetMs = ref(0)
  /** Cards whose move is on its way. */
  const pending = ref<Record<string, true>>({})
  /** True while the "Tugas saya" view is open: only then do arrivals and reconnects refetch. */
  const watching = ref(false)

  const actor = computed<Actor | null>(() => {
    const me = session.me
    return me ? { id: me.id, role: me.role, unitId: me.unitId, isAdmin: false } : null
  })

  const cyclesById = computed(() => new Map(cycles.value.map((c) => [c.id, c])))

  /**
   * The cards by urgency: late first, then at risk, then the rest, each the one due first on top.
   * Judged again every half minute while the list is open, as the clocks run.
   */
  const now = ref(Date.now())
  const ticking = setInterval(() => {
    if (watching.value) now.value = Date.now()
  }, 30_000)
  onScopeDispose(() => clearInterval(ticking))
  const groups = computed(() => byUrgency(cards.value, templateOf, calendar.calendar, now.value + clockOffsetMs.value))


  const count = computed(() => cards.value.length)

  function templateOf(card: CardDto): SopTemplate | undefined {
    return cyclesById.value.get(card.cycleId)?.template
  }

  function stepOfCard(card: CardDto): SopStep | undefined {
    const template = templateOf(card)
    return template && card.step !== finishedStep(template) ? stepOf(template, card.step) : undefined
  }

  function laneName(card: CardDto, lane: string): string {
    return labels.laneName(templateOf(card), lane)
  }

  /** "Tahap 4 · Kasubag Program" in the card's own template. */
  function placeLabel(card: CardDto, pos: Position): string {
    return labels.placeLabel(templateOf(card), pos)
  }

  function targetsFor(card: CardDto): MoveTarget[] {
    const template = templateOf(card)
    if (!template || !actor.value) return []
    return moveTargets(template, actor.value, placeOf(card), { overrides: false })
  }

  function clearPending(cardId: string): void {
    const { [cardId]: _settled, ...rest } = pending.value
    pending.value = rest
  }

  /** How many of the user's moves have settled: tells a list asked for before one of them from a newer one. */
  let settledMoves = 0

  /** Buttons come here: a move that needs a note asks for it first, the others go at once. */
  const { noteRequest: moveRequest, request: requestMove, confirmNote: confirmMoveNote, cancelNote: cancelMoveNote } = useCardMove({
    cardOf: (cardId) => cards.value.find((c) => c.id === cardId),
    templateOf,
    actor: () => actor.value,
    isPending: (cardId) => !!pending.value[cardId],
    sent(card) {
      pending.value = { ...pending.value, [card.id]: true }
    },
    settled(move, moved) {
      clearPending(move.cardId)
      settledMoves++
      const template = templateOf(moved)
      // Still the user's to act on (a hand-off to their own lane, the next step in the same lane)?
      const stillMine = template && actor.value && moved.step !== finishedStep(template) && mayAct(template, actor.value, placeOf(moved)) === null
      cards.value = stillMine ? cards.value.map((c) => (c.id === moved.id ? moved : c)) : cards.value.filter((c) => c.id !== moved.id)
    },
    refused(move) {
      clearPending(move.cardId)
      // Someone else moved it meanwhile, or the rules changed: the list is out of date.
      void load()
    },
    // An undone move gives the card back to the user: the list says so once reloaded.
    heard: () => void load(),
  })

  async function load(): Promise<void> {
    if (status.value !== 'ready') status.value = 'loading'
    try {
      const asked = settledMoves
      const list = await api<TaskList>('GET', '/api/tasks')
      // A list the server made before one of the user's moves settled would put that card back
      // where it was (a reconnect's resync can cross a tap): ask for a newer one instead.
      if (asked !== settledMoves) return await load()
      cycles.value = list.cycles
      // A card whose move is in flight keeps its place until the ack settles it.
      cards.value = list.cards.map((c) => (pending.value[c.id] ? (cards.value.find((x) => x.id === c.id) ?? c) : c))
      clockOffsetMs.value = new Date(list.serverTime).getTime() - Date.now()
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = errorText(err)
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

  // ---- the server's facts and the sync after a (re)connect (realtime/events.ts, realtime/sync.ts) ----

  function applyNotification(n: NotificationDto): void {
    if (watching.value && n.kind === 'arrived') void load()
  }

  async function resync(): Promise<void> {
    if (watching.value && status.value !== 'loading') await load()
  }

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
    cycleOf: (card: CardDto) => cyclesById.value.get(card.cycleId),
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
    applyNotification,
    resync,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useTasksStore, import.meta.hot))
