import { Schema, Types, type Connection, type InferSchemaType } from 'mongoose'
import { QUARTERS, type CyclePeriod } from '../../shared/domain/period'
import type { NotificationDto, NotificationKind, NotificationList } from '../../shared/protocol/notifications'

const notificationSchema = new Schema({
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
})
notificationSchema.index({ userId: 1, at: -1 })

type NotificationRecord = InferSchemaType<typeof notificationSchema> & { _id: Types.ObjectId }

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

export function createNotificationsRepository(conn: Connection) {
  const Notification = conn.model('Notification', notificationSchema)

  return {
    init: () => Notification.init(),

    /** One notification per recipient; returns them with their ids, for delivery. */
    async add(userIds: string[], n: NewNotification): Promise<{ userId: string; notification: NotificationDto }[]> {
      if (userIds.length === 0) return []
      const { cyclePeriod, ...rest } = n
      const stored = { ...rest, cycleYear: cyclePeriod.year, cycleQuarter: cyclePeriod.quarter }
      const docs = await Notification.insertMany(userIds.map((userId) => ({ ...stored, userId: new Types.ObjectId(userId) })))
      return docs.map((d) => ({ userId: String(d.userId), notification: toDto(d.toObject()) }))
    },

    async listFor(userId: string, limit = 50): Promise<NotificationList> {
      const owner = new Types.ObjectId(userId)
      const [rows, unread] = await Promise.all([
        Notification.find({ userId: owner }).sort({ at: -1 }).limit(limit).lean<NotificationRecord[]>(),
        Notification.countDocuments({ userId: owner, read: false }),
      ])
      return { notifications: rows.map(toDto), unread }
    },

    /** Marks the user's own notifications read (ids of other users' are ignored); returns unread. */
    async markRead(userId: string, ids: string[] | undefined): Promise<number> {
      const owner = new Types.ObjectId(userId)
      const filter = ids ? { userId: owner, _id: { $in: ids.map((id) => new Types.ObjectId(id)) } } : { userId: owner }
      await Notification.updateMany(filter, { $set: { read: true } })
      return Notification.countDocuments({ userId: owner, read: false })
    },
  }
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>
