import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'
import type { UserDto } from '../../shared/protocol/users'

const userSchema = new Schema(
  {
    name: { type: String, required: true },
    username: { type: String, required: true, unique: true },
    nip: { type: String, default: '' },
    role: { type: String, required: true },
    unitId: { type: String, default: null },
    isAdmin: { type: Boolean, default: false },
    active: { type: Boolean, default: true },
    passwordHash: { type: String, required: true },
    /** Set by an administrator's reset: the temporary password works until `passwordExpiresAt`, and only to set a new one. */
    mustChangePassword: { type: Boolean, default: false },
    passwordExpiresAt: { type: Date, default: null },
  },
  { timestamps: true },
)

export type UserRecord = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId }

export function userModel(conn: Connection) {
  return conn.model('User', userSchema)
}
export type UserModel = ReturnType<typeof userModel>

export function toUserDto(u: UserRecord): UserDto {
  return {
    id: String(u._id),
    name: u.name,
    username: u.username,
    nip: u.nip ?? '',
    role: u.role,
    unitId: u.unitId ?? null,
    isAdmin: u.isAdmin ?? false,
    active: u.active ?? true,
    mustChangePassword: u.mustChangePassword ?? false,
  }
}
