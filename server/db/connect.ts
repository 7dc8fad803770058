import mongoose, { type Connection } from 'mongoose'

/**
 * One connection per app instance (not mongoose's global one), so tests can run several apps
 * against separate databases in one process.
 */
export async function connectDb(uri: string): Promise<Connection> {
  // FerretDB v1 has no transactions or change streams; nothing here may rely on them.
  const conn = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000, autoIndex: true })
  await conn.asPromise()
  return conn
}

export async function pingDb(conn: Connection, timeoutMs = 2000): Promise<boolean> {
  const db = conn.db
  if (!db || conn.readyState !== 1) return false
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())
  const ping = db
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false)
  return Promise.race([ping, timeout])
}
