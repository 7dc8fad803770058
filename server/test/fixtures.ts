import { createReadStream } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Connection } from 'mongoose'
import { restoreArchive } from '../backup/restore'
import { connectDb } from '../platform/db/connect'

/** Real backups made by earlier versions (server/backup/fixtures/README.md says how). */
export const V1_BACKUP = fileURLToPath(new URL('../backup/fixtures/v1-backup.ndjson.gz', import.meta.url))
export const V2_BACKUP = fileURLToPath(new URL('../backup/fixtures/v2-backup.ndjson.gz', import.meta.url))

/**
 * A fresh database holding the backup as it was restored, before any server started on it (so
 * before its start-up migrations), and its cards as restored. `before` may change it first, as
 * an installation of that version would differ from a restore of its backup.
 */
export async function restoredBackup(
  uriOf: (dbName: string) => string,
  fixture: string,
  prefix: string,
  before?: (conn: Connection) => Promise<void>,
): Promise<{ dbName: string; old: Record<string, unknown>[] }> {
  const dbName = `${prefix}_${process.pid}_${Date.now()}`
  const conn = await connectDb(uriOf(dbName))
  try {
    await restoreArchive(conn, () => createReadStream(fixture), { clock: () => new Date() })
    await before?.(conn)
    return { dbName, old: await conn.collection('cards').find().sort({ _id: 1 }).toArray() }
  } finally {
    await conn.close()
  }
}
