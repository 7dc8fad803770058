import { Types, type Connection } from 'mongoose'
import type { Logger } from '../platform/logger'
import { notificationId } from './repository'

/** The `meta` document that says every notification of this database is numbered per user. */
const MIGRATED = 'notifications-numbered'

interface StoredNotification {
  _id: Types.ObjectId | string
  userId: Types.ObjectId
  at: Date
  seq?: number
  legacyId?: string
  [field: string]: unknown
}

/**
 * Versions before 2026-12 stored notifications under ObjectIds and listed a user's by a query on
 * `userId`. Each user's are numbered here in the order they came (1 the oldest), under their new
 * `_id`, keeping every field, the read mark included; then the old documents are deleted. A run
 * cut short is run again: a copy already made names its original (`legacyId`), so it is not
 * made twice, and the numbering goes on after the copies. One read of the collection, once.
 */
export async function numberNotifications(conn: Connection, log: Logger): Promise<number> {
  const meta = conn.collection<{ _id: string; at: Date }>('meta')
  if (await meta.findOne({ _id: MIGRATED })) return 0
  const notifications = conn.collection<StoredNotification>('notifications')
  const old = new Map<string, StoredNotification[]>()
  const last = new Map<string, number>()
  const copied = new Set<string>()
  for await (const doc of notifications.find({})) {
    const userId = String(doc.userId)
    if (typeof doc._id === 'string') {
      last.set(userId, Math.max(last.get(userId) ?? 0, doc.seq ?? 0))
      if (doc.legacyId) copied.add(doc.legacyId)
    } else {
      old.set(userId, [...(old.get(userId) ?? []), doc])
    }
  }
  let migrated = 0
  for (const [userId, docs] of old) {
    docs.sort((a, b) => a.at.getTime() - b.at.getTime() || String(a._id).localeCompare(String(b._id)))
    let seq = last.get(userId) ?? 0
    for (const doc of docs) {
      const legacyId = String(doc._id)
      // Another node starting at the same time numbers the same way; a number it took for another
      // notification (its own, once it serves) only moves this one on.
      while (!copied.has(legacyId)) {
        seq++
        try {
          await notifications.insertOne({ ...doc, _id: notificationId(userId, seq), seq, legacyId })
          copied.add(legacyId)
        } catch (err) {
          if ((err as { code?: number }).code !== 11000) throw err
          const taken = await notifications.findOne({ _id: notificationId(userId, seq) })
          if (taken?.legacyId === legacyId) copied.add(legacyId)
        }
      }
      await notifications.deleteOne({ _id: doc._id })
      migrated++
    }
  }
  await meta.updateOne({ _id: MIGRATED }, { $setOnInsert: { at: new Date() } }, { upsert: true })
  if (migrated) log.info({ notifications: migrated }, 'notifications numbered per user')
  return migrated
}
