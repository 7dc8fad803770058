import { createHash, randomBytes } from 'node:crypto'
import { isValidObjectId, Types } from 'mongoose'
import type { DisplayDto } from '../../shared/protocol/displays'
import type { Clock } from '../platform/clock'
import type { DisplayModel, DisplayRecord } from './model'

/** 32 random bytes, URL-safe: what goes after /wall/ on the TV. */
function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The shape a token must have before it is even hashed and looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export type DisplayView = Omit<DisplayDto, 'cycleTitle' | 'cyclePeriod' | 'online'>

function toView(d: DisplayRecord): DisplayView {
  return {
    id: String(d._id),
    cycleId: String(d.cycleId),
    label: d.label,
    createdAt: d.createdAt.toISOString(),
    createdBy: { id: d.createdBy?.id ?? '', name: d.createdBy?.name ?? '' },
    lastSeenAt: d.lastSeenAt ? d.lastSeenAt.toISOString() : null,
  }
}

export function createDisplaysRepository(Display: DisplayModel, clock: Clock) {
  return {
    init: () => Display.init(),

    async create(input: { cycleId: string; label: string; by: { id: string; name: string } }): Promise<{ display: DisplayView; token: string }> {
      const token = newToken()
      const doc = await Display.create({
        tokenHash: hashToken(token),
        cycleId: new Types.ObjectId(input.cycleId),
        label: input.label,
        createdBy: input.by,
      })
      return { display: toView(doc.toObject() as DisplayRecord), token }
    },

    /** The displays still in force, newest first. */
    async list(): Promise<DisplayView[]> {
      const rows = await Display.find({ revokedAt: null }).sort({ createdAt: -1 }).lean<DisplayRecord[]>()
      return rows.map(toView)
    },

    async find(id: string): Promise<DisplayView | null> {
      if (!isValidObjectId(id)) return null
      const d = await Display.findById(id).lean<DisplayRecord>()
      return d ? toView(d) : null
    },

    /** Marks the token revoked; false when there is no such live token. */
    async revoke(id: string): Promise<boolean> {
      if (!isValidObjectId(id)) return false
      const res = await Display.updateOne({ _id: new Types.ObjectId(id), revokedAt: null }, { $set: { revokedAt: clock() } })
      return res.matchedCount === 1
    },

    /** A live token's display and cycle, or null (unknown, malformed or revoked). */
    async resolve(token: string): Promise<{ id: string; cycleId: string } | null> {
      if (!TOKEN_SHAPE.test(token)) return null
      const d = await Display.findOne({ tokenHash: hashToken(token), revokedAt: null }, { cycleId: 1 }).lean<Pick<DisplayRecord, '_id' | 'cycleId'>>()
      return d ? { id: String(d._id), cycleId: String(d.cycleId) } : null
    },

    async touch(id: string): Promise<void> {
      await Display.updateOne({ _id: new Types.ObjectId(id) }, { $set: { lastSeenAt: clock() } })
    },
  }
}
export type DisplaysRepository = ReturnType<typeof createDisplaysRepository>
