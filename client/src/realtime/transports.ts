/** What the Socket.IO client may use to reach the server. */
export type Transport = 'polling' | 'websocket'

/**
 * `VITE_SOCKET_TRANSPORTS=websocket` at build time makes every socket websocket-only: one
 * connection per socket, so several server nodes behind a load balancer need no sticky sessions.
 * By default the client tries a websocket first (one round trip to a live socket, where polling
 * first takes three before the upgrade) and falls back to HTTP long-polling where a proxy refuses
 * websockets (`tryAllTransports` in socket.ts); polling needs sticky sessions across nodes
 * (README, Deployment).
 */
export function socketTransports(raw: string | undefined = import.meta.env.VITE_SOCKET_TRANSPORTS as string | undefined): Transport[] {
  const wanted = (raw ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t): t is Transport => t === 'polling' || t === 'websocket')
  return wanted.length ? [...new Set(wanted)] : ['websocket', 'polling']
}
