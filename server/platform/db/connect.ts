import mongoose, { type Connection } from 'mongoose'

/**
 * One connection per app instance (not mongoose's global one), so tests can run several apps
 * against separate databases in one process.
 */
export async function connectDb(uri: string): Promise<Connection> {
  // FerretDB v1 has no transactions or change streams; nothing here may rely on them.
  // monitorCommands: every answered command tells the health monitor (server/platform/db/health.ts) that
  // the database is alive, so a ping stuck behind a busy pool is not taken for a hang.
  const conn = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5000, autoIndex: true, monitorCommands: true })
  await conn.asPromise()
  return conn
}
