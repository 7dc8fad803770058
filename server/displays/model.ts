import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'

/**
 * A wall display token. Only the sha256 of the secret is stored: the database (or a backup of it)
 * does not hand out live kiosk links. A revoked token is kept, marked, for the record.
 */
const displaySchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    cycleId: { type: Schema.Types.ObjectId, required: true },
    label: { type: String, required: true },
    createdBy: { id: { type: String, required: true }, name: { type: String, required: true } },
    revokedAt: { type: Date, default: null },
    lastSeenAt: { type: Date, default: null },
  },
  { timestamps: true },
)

export type DisplayRecord = InferSchemaType<typeof displaySchema> & { _id: Types.ObjectId; createdAt: Date }

export function displayModel(conn: Connection) {
  return conn.model('Display', displaySchema)
}
export type DisplayModel = ReturnType<typeof displayModel>
