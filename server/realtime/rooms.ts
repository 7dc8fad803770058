/** One Socket.IO room per cycle (its board) and one per user (to reach all of a user's tabs). */
export const roomOf = (cycleId: string) => `cycle:${cycleId}`
export const userRoom = (userId: string) => `user:${userId}`
/** The sockets of one login session, so logging out closes them too. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`
