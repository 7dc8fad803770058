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
