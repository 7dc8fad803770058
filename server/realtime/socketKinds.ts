import type { Socket } from 'socket.io'
import type { ClientToServerEvents, DisplaySocketData, InterServerEvents, ServerToClientEvents, SocketData, UserSocketData } from '../../shared/protocol/events'

export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>
/** A socket signed in as a person (session cookie). Only these get the board and card commands. */
export type UserSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, UserSocketData>
/** A wall display's socket (display token): reads its own cycle, nothing else. */
export type DisplaySocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, DisplaySocketData>

export function isUserSocket(socket: IoSocket): socket is IoSocket & UserSocket {
  return socket.data.kind === 'user'
}

export function isDisplaySocket(socket: IoSocket): socket is IoSocket & DisplaySocket {
  return socket.data.kind === 'display'
}
