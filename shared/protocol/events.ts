import type { ErrorBody } from './errors'
import type { CardMovedFact } from './cardMoved'
import type { WorkCalendar } from '../time/calendar'
import type { NotificationDto } from './notifications'
import type {
  BoardJoin,
  BoardLeave,
  BoardSnapshot,
  CardChecklistSet,
  CardDto,
  CardExtend,
  CardMove,
  CardNoteAdd,
  CardNoteDelete,
  CardNoteEdit,
  CardOutputSet,
  CardUndo,
  CardDetail,
  CardDetailGet,
  NoteDto,
  Viewer,
} from './board'
import type { CycleDto } from './cycles'
import type { WallCardChanged, WallCycle, WallJoin, WallSnapshot } from './displays'

/** Every command is answered by one ack of this shape; see docs/realtime.md. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody & { card?: CardDto } }

export type AckFn<T> = (ack: Ack<T>) => void

/** Commands (imperative). Payloads are typed here but validated by zod on the server. */
export interface ClientToServerEvents {
  'board:join': (payload: BoardJoin, ack: AckFn<BoardSnapshot>) => void
  'board:leave': (payload: BoardLeave, ack: AckFn<null>) => void
  'card:move': (payload: CardMove, ack: AckFn<CardDto>) => void
  /** The mover takes their last move back (shared/protocol/board.ts CardUndo); broadcast as card:moved. */
  'card:undo': (payload: CardUndo, ack: AckFn<CardDto>) => void
  'card:note': (payload: CardNoteAdd, ack: AckFn<NoteDto>) => void
  /** The author's own note rewritten or deleted; the card is answered, and told as card:updated. */
  'card:noteEdit': (payload: CardNoteEdit, ack: AckFn<CardDto>) => void
  'card:noteDelete': (payload: CardNoteDelete, ack: AckFn<CardDto>) => void
  'card:extend': (payload: CardExtend, ack: AckFn<CardDto>) => void
  'card:checklist': (payload: CardChecklistSet, ack: AckFn<CardDto>) => void
  'card:output': (payload: CardOutputSet, ack: AckFn<CardDto>) => void
  /** A card's history, notes, visits and documents, for the card panel (any signed-in person). */
  'card:detail': (payload: CardDetailGet, ack: AckFn<CardDetail>) => void
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

/**
 * Facts (past tense), broadcast after they are stored: the card:* and presence facts to the
 * cycle's board room, wall:card to its wall displays instead (card:timer and calendar:changed to both).
 */
export interface ServerToClientEvents {
  /** The move (or undo) and the card fields it changed; a board fills in the rest (shared/protocol/cardMoved.ts). */
  'card:moved': (payload: CardMovedFact) => void
  'card:updated': (payload: { card: CardDto }) => void
  /** `card` is the noted card (its noteCount and lastNote changed): boards take it as it is. */
  'card:noted': (payload: { cycleId: string; cardId: string; note: NoteDto; card: CardDto }) => void
  'presence:changed': (payload: { cycleId: string; viewers: Viewer[] }) => void
  'card:timer': (payload: TimerThreshold) => void
  /** Wall displays only: a card's place or clock as the wall shows it, with the move if it moved. */
  'wall:card': (payload: WallCardChanged) => void
  /** The board's cycle was cancelled or closed: it is read-only from now on. */
  'cycle:ended': (payload: { cycle: CycleDto }) => void
  /** Wall displays only: their cycle was cancelled or closed. */
  'wall:cycle': (payload: { cycle: WallCycle }) => void
  /** The work calendar changed; clocks on every board are recomputed with it. */
  'calendar:changed': (payload: { calendar: WorkCalendar }) => void
  /** Sent only to the user it is for (all of their tabs). */
  'notification:new': (payload: NotificationDto) => void
  /** To every socket when it connects, and to all when the state changes (boards and walls). */
  'server:status': (payload: ServerStatus) => void
}

/** Whether the server can reach its database; `down` until it answers again (see /healthz for why). */
export interface ServerStatus {
  database: 'ok' | 'down'
}

/** Between the nodes of one installation, through the Redis adapter (io.serverSideEmit). */
export interface InterServerEvents {
  /** An administrator cleared the account's login limits; every node forgets its counters of it. */
  'auth:unlock': (username: string) => void
  /** A cycle was cancelled or closed: every node reads it again at its next use. */
  'cycle:ended': (cycleId: string) => void
}

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
  /** When the session ends unless it is used (epoch ms), as known at the handshake. */
  sessionExpiresAt: number
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
  sessionExpiresAt?: never
}

export type SocketData = UserSocketData | DisplaySocketData
