import { useBoardStore } from '../stores/board'
import { useCardDetailStore } from '../stores/cardDetail'
import { useNotificationsStore } from '../stores/notifications'
import { useSessionStore } from '../stores/session'
import { useTasksStore } from '../stores/tasks'

/**
 * What the client loads again after its socket (re)connects, in one order, as directus' hydrate
 * does: the session first (who is signed in decides the rest), then everything on screen at once.
 * Each store's resync knows whether it has anything to do: the board only if one was open when the
 * connection dropped, the card panel's detail while the panel is open, Tugas saya only while it is
 * shown, the notifications whenever signed in.
 */
const screens = [
  () => useBoardStore().resync(),
  () => useCardDetailStore().resync(),
  () => useTasksStore().resync(),
  () => useNotificationsStore().resync(),
]

// True after sign-in or boot (the session was just read) and after each check; false once the
// connection dropped for any reason but our own disconnect.
let sessionChecked = true

async function checkSession(): Promise<void> {
  await useSessionStore().revalidate()
  sessionChecked = true
}

/** The socket connected (the first time after sign-in, or again): catch up. */
export async function syncAfterConnect(): Promise<void> {
  if (!sessionChecked) await checkSession()
  if (!useSessionStore().me) return
  await Promise.all(screens.map((resync) => resync()))
}

/** The socket disconnected; what the next connect must check first. */
export function connectionLost(reason: string): void {
  if (reason === 'io client disconnect') return
  sessionChecked = false
  // The server cuts the sockets of a deactivated user or an ended session, and socket.io does not
  // retry those: ask the API whether the session still stands; revalidate reconnects if it does.
  if (reason === 'io server disconnect') void checkSession()
}
