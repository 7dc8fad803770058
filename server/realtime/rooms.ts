/** One Socket.IO room per cycle (its board) and one per user (to reach all of a user's tabs). */
export const roomOf = (cycleId: string) => `cycle:${cycleId}`
/**
 * A cycle's wall displays: apart from its board's room, so they get only their own slim facts
 * (server/realtime/broadcast.ts) and never a board's notes, history or presence.
 */
export const wallRoom = (cycleId: string) => `wall:${cycleId}`
export const userRoom = (userId: string) => `user:${userId}`
/** The sockets of one login session, so logging out closes them too. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
