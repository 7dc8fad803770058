import { computed, ref, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { NotificationDto, NotificationList } from '@shared/protocol/notifications'
import { api } from '../api/http'
import { i18n } from '../i18n'
import { cycleTitle } from '../i18n/cycleTitle'
import type { LoadStatus } from '../composables/useRemoteList'
import { useSessionStore } from './session'
import { useNoticesStore } from './notices'
import { useBoardStore } from './board'
import { useTemplatesStore } from './templates'
import { errorText } from '../ui/errors/text'

/** The server keeps the newest 50; so does the bell. */
const MAX_KEPT = 50

/**
 * The signed-in user's in-app notifications: a card arrived in their lane, or one of theirs is at
 * risk or overdue. Loaded at sign-in and after every (re)connect (realtime/sync.ts), kept current
 * from 'notification:new' (routed here by realtime/events.ts), and announced with a toast — except
 * for the board that is open, where the card itself already shows the change.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const session = useSessionStore()
  const notices = useNoticesStore()
  const board = useBoardStore()
  const templates = useTemplatesStore()
  const t = i18n.global.t

  const items = ref<NotificationDto[]>([])
  const unread = ref(0)
  const status = ref<LoadStatus>('idle')
  const error = ref<string | null>(null)

  const hasUnread = computed(() => unread.value > 0)

  /**
   * Role names are data of the templates; notifications carry lane ids. Only the open board knows
   * its template's last step; elsewhere the finished column (reached only by an override, since
   * finishing notifies nobody) reads as its number.
   */
  function placeOf(n: Pick<NotificationDto, 'cycleId' | 'step' | 'lane'>): string {
    if (board.cycleId === n.cycleId && board.template) return board.placeLabel(n)
    return `${t('board.stepN', { n: n.step })} · ${templates.roleName(n.lane)}`
  }

  /** "PPIK tiba di lajur Anda: Tahap 3 · Kasubag Program", "PPIK terlambat di Tahap 3 · Sekretaris". */
  function describe(n: NotificationDto): string {
    const kind = n.kind === 'arrived' && n.returned ? 'returned' : n.kind
    return t(`notifications.kind.${kind}`, { unit: n.unit.shortName, place: placeOf(n) })
  }

  function reset(): void {
    items.value = []
    unread.value = 0
    status.value = 'idle'
    error.value = null
  }

  async function load(): Promise<void> {
    if (!session.me) return
    if (status.value !== 'ready') status.value = 'loading'
    try {
      const list = await api<NotificationList>('GET', '/api/notifications')
      items.value = list.notifications
      unread.value = list.unread
      status.value = 'ready'
      error.value = null
    } catch (err) {
      status.value = 'error'
      error.value = errorText(err)
    }
  }

  function markLocally(ids: readonly string[] | null): void {
    const marking = ids ? new Set(ids) : null
    items.value = items.value.map((n) => (!n.read && (!marking || marking.has(n.id)) ? { ...n, read: true } : n))
  }

  /** Marks these (or, without ids, all) as read; the count is the server's answer. */
  async function markRead(ids?: string[]): Promise<void> {
    const unreadIds = ids?.filter((id) => items.value.some((n) => n.id === id && !n.read))
    if (unreadIds && unreadIds.length === 0) return
    const before = { items: items.value, unread: unread.value }
    markLocally(unreadIds ?? null)
    unread.value = unreadIds ? Math.max(0, unread.value - unreadIds.length) : 0
    try {
      const answer = await api<{ unread: number }>('POST', '/api/notifications/read', unreadIds ? { ids: unreadIds } : { all: true })
      unread.value = answer.unread
    } catch (err) {
      items.value = before.items
      unread.value = before.unread
      notices.error(t('notifications.markFailed'), [errorText(err)])
    }
  }

  function applyNew(n: NotificationDto): void {
    if (!session.me || items.value.some((x) => x.id === n.id)) return
    items.value = [n, ...items.value].slice(0, MAX_KEPT)
    if (!n.read) unread.value++
    // On the open board the card moves or its timer changes in front of the user (and card:timer
    // already speaks up there); a toast would only repeat it. A mention is in a panel they may not have open.
    const onOpenBoard = n.kind !== 'mentioned' && board.status === 'ready' && board.cycleId === n.cycleId
    if (!onOpenBoard) notices.push(n.kind === 'arrived' || n.kind === 'mentioned' ? 'info' : 'warning', describe(n), [n.cyclePeriod ? cycleTitle(n.cyclePeriod) : '', n.note ? `“${n.note}”` : ''].filter(Boolean))
  }

  /** Whatever arrived while the socket was down is fetched again after each (re)connect. */
  async function resync(): Promise<void> {
    if (session.me && status.value !== 'loading') await load()
  }

  watch(
    () => session.me?.id ?? null,
    (id, before) => {
      if (id === before) return
      reset()
      if (id) void load()
    },
    { immediate: true },
  )

  return { items, unread, status, error, hasUnread, placeOf, describe, load, markRead, reset, applyNew, resync }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNotificationsStore, import.meta.hot))
