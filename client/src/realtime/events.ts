import type { Socket } from 'socket.io-client'
import type { ServerStatus, ServerToClientEvents } from '@shared/protocol/events'
import type { WallCardChanged, WallCycle } from '@shared/protocol/displays'
import type { WorkCalendar } from '@shared/time/calendar'
import { useBoardStore } from '../stores/board'
import { useCalendarStore } from '../stores/calendar'
import { useCardDetailStore } from '../stores/cardDetail'
import { useNotificationsStore } from '../stores/notifications'
import { useServerStatusStore } from '../stores/serverStatus'
import { useSessionStore } from '../stores/session'
import { useTasksStore } from '../stores/tasks'
import { connectionChanged, socket, type BoardSocket } from './socket'
import { connectionLost, syncAfterConnect } from './sync'
import type { WallSocket } from './wallSocket'

/**
 * The one module that listens to the server (planka's sagas/core/watchers/socket.js): every fact
 * and connection event becomes store actions here, so no store or component binds a listener, and
 * who reacts to what is read in one table per socket.
 */

type Listeners = Partial<ServerToClientEvents> & {
  connect?: () => void
  disconnect?: (reason: Socket.DisconnectReason) => void
  connect_error?: (err: Error) => void
}

type AnyListener = (...args: never[]) => void

/**
 * Binds a table of listeners and returns their unbinding. The table is type-checked per event where
 * it is written; socket.io's per-event typing cannot follow a loop over it, hence the loose socket.
 */
function bind(target: BoardSocket | WallSocket, listeners: Listeners): () => void {
  const entries = Object.entries(listeners) as [string, AnyListener][]
  const loose = target as unknown as { on(event: string, fn: AnyListener): void; off(event: string, fn: AnyListener): void }
  for (const [event, fn] of entries) loose.on(event, fn)
  return () => {
    for (const [event, fn] of entries) loose.off(event, fn)
  }
}

/** The app's socket: bound once at start (main.ts); stores are looked up when an event comes. */
export function routeSocketEvents(): () => void {
  return bind(socket, {
    connect: () => {
      useBoardStore().connected()
      void syncAfterConnect()
      connectionChanged('connect')
    },
    disconnect: (reason) => {
      useBoardStore().disconnected(reason)
      useServerStatusStore().disconnected()
      connectionLost(reason)
      connectionChanged('disconnect')
    },
    connect_error: (err) => {
      useBoardStore().connectFailed()
      // The socket shares the cookie; a refused handshake means the session is gone.
      if (err.message === 'UNAUTHENTICATED') useSessionStore().expire()
    },
    // A card's facts carry its slim card; an open panel loads the card's past again (a note it appends).
    'card:moved': (fact) => {
      useBoardStore().applyMoved(fact)
      useCardDetailStore().changed(fact.id)
    },
    'card:updated': (fact) => {
      useBoardStore().applyUpdated(fact)
      useCardDetailStore().changed(fact.card.id)
    },
    'card:noted': (fact) => {
      useBoardStore().applyNoted(fact)
      useCardDetailStore().noted(fact.cardId, fact.note)
    },
    'card:timer': (fact) => useBoardStore().applyTimer(fact),
    'cycle:ended': ({ cycle }) => useBoardStore().applyCycleEnded(cycle),
    'presence:changed': (fact) => useBoardStore().applyPresence(fact),
    'calendar:changed': ({ calendar }) => {
      useBoardStore().applyCalendar(calendar)
      useCalendarStore().applyChanged(calendar)
    },
    'notification:new': (notification) => {
      useNotificationsStore().applyNew(notification)
      useTasksStore().applyNotification(notification)
    },
    'server:status': (status) => useServerStatusStore().apply(status),
  })
}

/** What the wall store does with its own socket's events (it creates and ends that socket). */
export interface WallEvents {
  connected(): void
  disconnected(reason: Socket.DisconnectReason): void
  refused(err: Error): void
  cardChanged(change: WallCardChanged): void
  cycleEnded(cycle: WallCycle): void
  calendarChanged(calendar: WorkCalendar): void
  statusChanged(status: ServerStatus): void
}

/** A wall display's socket (realtime/wallSocket.ts); its listeners go with it at teardown. */
export function routeWallEvents(wall: WallSocket, to: WallEvents): () => void {
  return bind(wall, {
    connect: () => to.connected(),
    disconnect: (reason) => to.disconnected(reason),
    connect_error: (err) => to.refused(err),
    'wall:card': (change) => to.cardChanged(change),
    'wall:cycle': ({ cycle }) => to.cycleEnded(cycle),
    'calendar:changed': ({ calendar }) => to.calendarChanged(calendar),
    'server:status': (status) => to.statusChanged(status),
  })
}
