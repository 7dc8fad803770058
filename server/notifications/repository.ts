import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose'
import { QUARTERS, type CyclePeriod } from '../../shared/domain/period'
import type { NotificationDto, NotificationKind, NotificationList } from '../../shared/protocol/notifications'

/**
 * One document per notification, `_id` "<userId>:<seq>": each user's notifications are numbered
 * 1, 2, 3 … without gaps, each number claimed by the insert of its document (the unique `_id`).
 * Read by `_id` alone, because the embedded FerretDB v1 answers any other filter by reading the
 * whole collection, which holds every notification of the installation's history. Versions
 * before 2026-12 gave them ObjectIds (server/notifications/migrate.ts renumbers those).
 */
const notificationSchema = new Schema({
  _id: { type: String },
  seq: { type: Number, required: true },
  userId: { type: Schema.Types.ObjectId, required: true },
  kind: { type: String, required: true },
  at: { type: Date, required: true },
  read: { type: Boolean, default: false },
  cycleId: { type: String, required: true },
  cycleTitle: { type: String, required: true },
  // Absent in notifications stored before readers got the title in their own language.
  cycleYear: Number,
  cycleQuarter: Number,
  cardId: { type: String, required: true },
  unit: { id: String, shortName: String },
  step: Number,
  lane: String,
  by: { type: String, default: '' },
  // Absent in notifications stored before arrivals quoted the mover's note.
  returned: { type: Boolean, default: false },
  note: { type: String, default: '' },
  /** The ObjectId it had before it was numbered (a migrated one). */
  legacyId: String,
})

/** A user's newest notifications that count: listed (50 of them) and counted when unread. */
export const INBOX_WINDOW = 100
const LISTED = 50

export const notificationId = (userId: string, seq: number) => `${userId}:${seq}`

type NotificationRecord = InferSchemaType<typeof notificationSchema> & { _id: string }

export type NewNotification = Omit<NotificationDto, 'id' | 'read' | 'at' | 'cyclePeriod'> & { at: Date; cyclePeriod: CyclePeriod }

/** The period of an old notification, from the title the server wrote then ("Triwulan I 2027"). */
function periodOfStoredTitle(title: string): CyclePeriod | null {
  const m = /^Triwulan (I{1,3}|IV) (\d{4})$/.exec(title)
  return m ? { year: Number(m[2]), quarter: QUARTERS.indexOf(m[1] as (typeof QUARTERS)[number]) + 1 } : null
}

function toDto(n: NotificationRecord): NotificationDto {
  return {
    id: String(n._id),
    kind: n.kind as NotificationKind,
    at: n.at.toISOString(),
    read: n.read ?? false,
    cycleId: n.cycleId,
    cycleTitle: n.cycleTitle,
    cyclePeriod: n.cycleYear && n.cycleQuarter ? { year: n.cycleYear, quarter: n.cycleQuarter } : periodOfStoredTitle(n.cycleTitle),
    cardId: n.cardId,
    unit: { id: n.unit?.id ?? '', shortName: n.unit?.shortName ?? '' },
    step: n.step ?? 0,
    lane: n.lane ?? '',
    by: n.by ?? '',
    returned: n.returned ?? false,
    note: n.note ?? '',
  }
}

const isDuplicate = (err: unknown) => (err as { code?: number } | null)?.code === 11000

export function createNotificationsRepository(conn: Connection) {
  const Notification = conn.model('Notification', notificationSchema)
  /** Each user's last number as this node last saw it: where the next look starts. */
  const heads = new Map<string, number>()

  const exists = async (userId: string, seq: number) => seq === 0 || (await Notification.exists({ _id: notificationId(userId, seq) })) !== null

  /** The user's last number, found by doubling and halving: a few reads for thousands. */
  async function searchHead(userId: string): Promise<number> {
    let below = 0
    let above = 1
    while (await exists(userId, above)) [below, above] = [above, above * 2]
    while (above - below > 1) {
      const mid = Math.floor((below + above) / 2)
      if (await exists(userId, mid)) below = mid
      else above = mid
    }
    return below
  }

  /** The last number this node saw for the user (numbers are never taken back: a restore needs a stopped server). */
  async function knownHead(userId: string): Promise<number> {
    const head = heads.get(userId) ?? (await searchHead(userId))
    heads.set(userId, Math.max(heads.get(userId) ?? 0, head))
    return head
  }

  /** The user's last number now: read on from this node's (other nodes may have added). */
  async function headOf(userId: string): Promise<number> {
    let head = await knownHead(userId)
    while (await exists(userId, head + 1)) head++
    heads.set(userId, head)
    return head
  }

  /**
   * The next free number is the user's: the insert itself is the look, so a notification costs
   * one write; another node having taken that number only sends it to the one after.
   */
  async function insertFor(userId: string, fields: Record<string, unknown>): Promise<NotificationRecord> {
    for (let seq = (await knownHead(userId)) + 1; ; seq++) {
      try {
        const doc = await Notification.create({ ...fields, _id: notificationId(userId, seq), seq, userId: new Types.ObjectId(userId) })
        heads.set(userId, Math.max(heads.get(userId) ?? 0, seq))
        return doc.toObject() as NotificationRecord
      } catch (err) {
        if (!isDuplicate(err)) throw err
      }
    }
  }

  /** The user's newest INBOX_WINDOW notifications, newest first: one read by `_id` each. */
  async function inboxOf(userId: string): Promise<NotificationRecord[]> {
    const head = await headOf(userId)
    const seqs = Array.from({ length: Math.min(head, INBOX_WINDOW) }, (_, i) => head - i)
    const rows = await Promise.all(seqs.map((seq) => Notification.findById(notificationId(userId, seq)).lean<NotificationRecord>()))
    return rows.filter((r): r is NotificationRecord => r !== null)
  }

  const unreadOf = (rows: NotificationRecord[]) => rows.filter((r) => !r.read).length

  return {
    init: () => Notification.init(),

    /** One notification per recipient; returns them with their ids, for delivery. */
    async add(userIds: string[], n: NewNotification): Promise<{ userId: string; notification: NotificationDto }[]> {
      const { cyclePeriod, ...rest } = n
      const stored = { ...rest, cycleYear: cyclePeriod.year, cycleQuarter: cyclePeriod.quarter }
      return Promise.all(userIds.map(async (userId) => ({ userId, notification: toDto(await insertFor(userId, stored)) })))
    },

    /** The newest notifications and how many of the inbox's are unread. */
    async listFor(userId: string): Promise<NotificationList> {
      const rows = await inboxOf(userId)
      return { notifications: rows.slice(0, LISTED).map(toDto), unread: unreadOf(rows) }
    },

    /** Marks the user's own notifications read (ids of other users' are ignored); returns unread. */
    async markRead(userId: string, ids: string[] | undefined): Promise<number> {
      const rows = await inboxOf(userId)
      const own = `${userId}:`
      const marking = new Set(ids ? ids.filter((id) => id.startsWith(own)) : rows.filter((r) => !r.read).map((r) => r._id))
      await Promise.all([...marking].map((_id) => Notification.updateOne({ _id }, { $set: { read: true } })))
      return unreadOf(rows.filter((r) => !marking.has(r._id)))
    },
  }
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>
