import type { ErrorBody } from './errors'
import type { WorkCalendar } from './time/calendar'
import type { NotificationDto } from './schemas/notifications'
import type {
  BoardJoin,
  BoardSnapshot,
  CardChecklistSet,
  CardDto,
  CardMove,
  CardNoteAdd,
  CardOutputSet,
  HistoryEntryDto,
  NoteDto,
  Viewer,
} from './schemas/board'
import type { WallJoin, WallSnapshot } from './schemas/displays'

/** Every command is answered by one ack of this shape; see docs/realtime.md. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody & { card?: CardDto } }

export type AckFn<T> = (ack: Ack<T>) => void

/** Commands (imperative). Payloads are typed here but validated by zod on the server. */
export interface ClientToServerEvents {
  'board:join': (payload: BoardJoin, ack: AckFn<BoardSnapshot>) => void
  'board:leave': (payload: BoardJoin, ack: AckFn<null>) => void
  'card:move': (payload: CardMove, ack: AckFn<CardDto>) => void
  'card:note': (payload: CardNoteAdd, ack: AckFn<NoteDto>) => void
  'card:checklist': (payload: CardChecklistSet, ack: AckFn<CardDto>) => void
  'card:output': (payload: CardOutputSet, ack: AckFn<CardDto>) => void
  /** Display sockets only (a wall display token); every other command is refused to them. */
  'wall:join': (payload: WallJoin, ack: AckFn<WallSnapshot>) => void
}

/** A card's step clock crossed a threshold; announced once, by the server, whatever the number of nodes. */
export interface TimerThreshold {
  cycleId: string
  cardId: string
  /** The card version (visit) the threshold belongs to; a later move makes it history. */
  version: number
  state: 'at_risk' | 'overdue'
  at: string
}

/** Facts (past tense), broadcast to the cycle's room after they are stored. */
export interface ServerToClientEvents {
  'card:moved': (payload: { card: CardDto; entry: HistoryEntryDto }) => void
  'card:updated': (payload: { card: CardDto }) => void
  'card:noted': (payload: { cycleId: string; cardId: string; note: NoteDto }) => void
  'presence:changed': (payload: { cycleId: string; viewers: Viewer[] }) => void
  'card:timer': (payload: TimerThreshold) => void
  /** The work calendar changed; clocks on every board are recomputed with it. */
  'calendar:changed': (payload: { calendar: WorkCalendar }) => void
  /** Sent only to the user it is for (all of their tabs). */
  'notification:new': (payload: NotificationDto) => void
}

export type InterServerEvents = Record<string, never>

export interface SocketUser {
  id: string
  name: string
  role: string
  unitId: string | null
  isAdmin: boolean
}

/** A person signed in with the session cookie: may use the board commands their role allows. */
export interface UserSocketData {
  kind: 'user'
  user: SocketUser
  sessionId: string
  display?: never
}

/**
 * A wall display, authenticated with a display token (`auth: { displayToken }`): may only read
 * its own cycle (`wall:join`); it is no person, so it has no `user` and is never a viewer.
 */
export interface DisplaySocketData {
  kind: 'display'
  display: { id: string; cycleId: string }
  user?: never
  sessionId?: never
}

export type SocketData = UserSocketData | DisplaySocketData
