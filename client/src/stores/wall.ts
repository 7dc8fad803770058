import { computed, ref, shallowRef } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Ack } from '@shared/protocol/events'
import { cycleProgress } from '@shared/domain/progress'
import type { WallCard, WallCycle, WallMove, WallSnapshot } from '@shared/protocol/displays'
import type { SopTemplate } from '@shared/domain/template'
import type { WorkCalendar } from '@shared/time/calendar'
import { useFlash } from '../composables/useFlash'
import { latestMoves, tickerOf } from '../lib/wallStats'
import { createWallSocket, type WallSocket } from '../realtime/wallSocket'
import { routeWallEvents } from '../realtime/events'
import { applyFact, applySnapshot as reconcileSnapshot, placeChanged, type Held } from '../board/reconcile'

/** connecting: no snapshot yet; live: drawn (maybe disconnected meanwhile); invalid: the token is refused. */
export type WallStatus = 'connecting' | 'live' | 'invalid'

const FLASH_MS = 2500
const JOIN_TIMEOUT_MS = 10_000

/** A random pause before trying again by hand, so many TVs do not come back in step. */
const retryDelay = (base: number) => base + Math.random() * base

/**
 * The wall display: one cycle, read-only, for days on end. It owns its socket (created by
 * start(), destroyed by stop()) and the few timers it needs; everything it holds is bounded by
 * the size of the cycle, never by how long it runs.
 */
export const useWallStore = defineStore('wall', () => {
  const status = ref<WallStatus>('connecting')
  const label = ref('')
  const cycle = shallowRef<WallCycle | null>(null)
  const template = shallowRef<SopTemplate | null>(null)
  const calendar = shallowRef<WorkCalendar | null>(null)
  const cards = shallowRef<Record<string, WallCard>>({})
  /** The latest moves, newest first, at most the ticker's length. */
  const moves = shallowRef<WallMove[]>([])
  /** Server clock minus browser clock: a TV's own clock is rarely right. */
  const clockOffsetMs = ref(0)
  /** Server time (ms) when the connection was lost; null while connected and in sync. */
  const disconnectedAt = ref<number | null>(null)
  /** The server says it cannot reach its database (`server:status`); meaningful while connected. */
  const databaseDown = ref(false)
  const { flashing, flash, clear: clearFlash } = useFlash(FLASH_MS)

  let socket: WallSocket | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let joinSeq = 0

  // ---- getters ----

  const orderedCards = computed(() => {
    const order = new Map((cycle.value?.unitIds ?? []).map((id, i) => [id, i]))
    return Object.values(cards.value).sort((a, b) => (order.get(a.unit.id) ?? 999) - (order.get(b.unit.id) ?? 999))
  })
  const progress = computed(() => (template.value ? cycleProgress(template.value, orderedCards.value.map((c) => c.step)) : null))
  const ticker = computed(() => tickerOf(moves.value, cards.value))

  // ---- applying what the server says ----

  function serverNow(): number {
    return Date.now() + clockOffsetMs.value
  }

  /** The wall never moves a card itself: it holds cards only, reconciled as the board's are. */
  function held(): Held<WallCard> {
    return { cards: cards.value, pending: {} }
  }

  function applySnapshot(snapshot: WallSnapshot): void {
    const before = cards.value
    const next = reconcileSnapshot(held(), snapshot.cards).cards
    for (const card of snapshot.cards) if (placeChanged(before[card.id], next[card.id])) flash(card.id)
    label.value = snapshot.display.label
    cycle.value = snapshot.cycle
    template.value = snapshot.template
    calendar.value = snapshot.calendar
    clockOffsetMs.value = new Date(snapshot.serverTime).getTime() - Date.now() || 0
    cards.value = next
    moves.value = latestMoves(moves.value, snapshot.moves)
    disconnectedAt.value = null
    status.value = 'live'
  }

  function applyCard(card: WallCard, move: WallMove | null): void {
    if (!cycle.value || card.cycleId !== cycle.value.id) return
    // Kept even when the card is already newer: the ticker lists each move once, whichever came first.
    if (move) moves.value = latestMoves(moves.value, [move])
    const before = cards.value[card.id]
    cards.value = applyFact(held(), card).cards
    if (move && placeChanged(before, cards.value[card.id])) flash(card.id)
  }

  // ---- the connection ----

  function markDisconnected(): void {
    disconnectedAt.value ??= serverNow()
  }

  function retryLater(what: () => void, base: number): void {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = setTimeout(() => {
      retryTimer = null
      what()
    }, retryDelay(base))
  }

  function invalid(): void {
    status.value = 'invalid'
    teardown()
  }

  async function join(): Promise<void> {
    const s = socket
    if (!s) return
    const seq = ++joinSeq
    let ack: Ack<WallSnapshot>
    try {
      ack = await s.timeout(JOIN_TIMEOUT_MS).emitWithAck('wall:join', {})
    } catch {
      // No answer in time: ask again while still connected (a new connection joins by itself).
      if (seq === joinSeq && s === socket && s.connected) retryLater(() => void join(), 2_000)
      return
    }
    if (seq !== joinSeq || s !== socket) return
    if (ack.ok) applySnapshot(ack.data)
    else if (ack.error.code === 'FORBIDDEN' || ack.error.code === 'NOT_FOUND' || ack.error.code === 'UNAUTHENTICATED') invalid()
    else retryLater(() => void join(), 5_000)
  }

  function start(token: string): void {
    teardown()
    status.value = 'connecting'
    const s = createWallSocket(token)
    socket = s
    routeWallEvents(s, {
      connected: () => void join(),
      disconnected(reason) {
        markDisconnected()
        databaseDown.value = false
        // After the server closed the connection itself (restart, revocation) socket.io does not
        // come back on its own: knock again; a revoked token is then refused and says so.
        if (reason === 'io server disconnect') retryLater(() => s.connect(), 1_000)
      },
      refused(err) {
        if (err.message === 'UNAUTHENTICATED') return invalid()
        markDisconnected()
        // A refusal by the server's middleware (e.g. its database is down) ends the attempts;
        // a network failure is retried by the manager (active stays true).
        if (!s.active) retryLater(() => s.connect(), 3_000)
      },
      cardChanged: ({ card, move }) => applyCard(card, move),
      cycleEnded(ended) {
        if (cycle.value?.id === ended.id) cycle.value = ended
      },
      calendarChanged(next) {
        calendar.value = next
      },
      statusChanged({ database }) {
        databaseDown.value = database === 'down'
      },
    })
    s.connect()
  }

  function teardown(): void {
    joinSeq++
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
    if (socket) {
      socket.removeAllListeners()
      socket.disconnect()
      socket = null
    }
    clearFlash()
  }

  /** Leaves the wall: the socket, its listeners and every timer go. */
  function stop(): void {
    teardown()
    status.value = 'connecting'
    label.value = ''
    cycle.value = null
    template.value = null
    calendar.value = null
    cards.value = {}
    moves.value = []
    disconnectedAt.value = null
    databaseDown.value = false
  }

  return {
    status,
    label,
    cycle,
    template,
    calendar,
    cards,
    moves,
    clockOffsetMs,
    disconnectedAt,
    databaseDown,
    flashing,
    orderedCards,
    progress,
    ticker,
    start,
    stop,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useWallStore, import.meta.hot))
