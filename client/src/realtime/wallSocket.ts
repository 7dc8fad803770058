import { io, type Socket } from 'socket.io-client'
import type { ClientToServerEvents, ServerToClientEvents } from '@shared/protocol/events'
import { socketTransports } from './transports'

/**
 * The wall display's own socket, apart from the one typed socket of signed-in people
 * (socket.ts): it authenticates with a display token, never with a session cookie, and it must
 * keep trying for as long as the TV is on.
 */
export type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>

export function createWallSocket(displayToken: string): WallSocket {
  return io({
    autoConnect: false,
    // Without it io() would share the app socket's manager (same URL) and its options.
    forceNew: true,
    auth: { displayToken },
    // The display token is the only credential; the TV's browser may hold someone's cookie.
    withCredentials: false,
    transports: socketTransports(),
    tryAllTransports: true,
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: 1_000,
    // Randomised backoff capped near 10 s, so a restart is not met by every TV at the same instant.
    reconnectionDelayMax: 10_000,
    randomizationFactor: 0.5,
  })
}
