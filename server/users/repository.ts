import { isDuplicateKey } from '../platform/db/duplicateKey'
import { isValidObjectId } from 'mongoose'
import type { UserCreate, UserDto, UserEdit } from '../../shared/protocol/users'
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords'
import { AppError } from '../platform/errors'
import { toUserDto, type UserModel } from './model'

type NewUser = Omit<UserCreate, 'isAdmin' | 'nip' | 'unitId'> & { isAdmin: boolean; nip?: string; unitId?: string | null }

export function createUsersRepository(User: UserModel) {
  return {
    count(): Promise<number> {
      return User.countDocuments()
    },

    async list(): Promise<UserDto[]> {
      const users = await User.find().sort({ name: 1 }).lean()
      return users.map(toUserDto)
    },

    async findById(id: string): Promise<UserDto | null> {
      if (!isValidObjectId(id)) return null
      const user = await User.findById(id).lean()
      return user ? toUserDto(user) : null
    },

    async create(input: NewUser): Promise<UserDto> {
      const passwordHash = await hashPassword(input.password)
      try {
        const doc = await User.create({
          name: input.name,
          username: input.username,
          nip: input.nip ?? '',
          role: input.role,
          unitId: input.unitId ?? null,
          isAdmin: input.isAdmin,
          passwordHash,
        })
        return toUserDto(doc.toObject())
      } catch (err) {
        if (isDuplicateKey(err)) {
          throw new AppError('CONFLICT', 'username_taken', { username: input.username })
        }
        throw err
      }
    },

    /** Active users holding a lane's role (and, for unit-scoped lanes, the given unit). */
    async activeWithRole(role: string, unitId: string | null): Promise<UserDto[]> {
      const filter = { role: { $eq: role }, active: true, ...(unitId ? { unitId: { $eq: unitId } } : {}) }
      return (await User.find(filter).lean()).map(toUserDto)
    },

    /** The active accounts of these usernames (a note's @mentions); unknown names are left out. */
    async activeByUsernames(usernames: string[]): Promise<UserDto[]> {
      if (!usernames.length) return []
      return (await User.find({ username: { $in: usernames }, active: true }).lean()).map(toUserDto)
    },

    /** Everyone who can sign in, by name: whom a note can mention. */
    async activePeople(): Promise<UserDto[]> {
      return (await User.find({ active: true }).sort({ name: 1 }).lean()).map(toUserDto)
    },

    async setActive(id: string, active: boolean): Promise<UserDto> {
      if (!isValidObjectId(id)) throw new AppError('NOT_FOUND', 'not_found_user')
      const user = await User.findByIdAndUpdate(id, { $set: { active } }, { returnDocument: 'after' }).lean()
      if (!user) throw new AppError('NOT_FOUND', 'not_found_user')
      return toUserDto(user)
    },

    /** An administrator's change of the account's name, NIP, role, unit and administrator flag. */
    async update(id: string, fields: Required<UserEdit>): Promise<UserDto> {
      if (!isValidObjectId(id)) throw new AppError('NOT_FOUND', 'not_found_user')
      const { name, nip, role, unitId, isAdmin } = fields
      const user = await User.findByIdAndUpdate(id, { $set: { name, nip, role, unitId, isAdmin } }, { returnDocument: 'after' }).lean()
      if (!user) throw new AppError('NOT_FOUND', 'not_found_user')
      return toUserDto(user)
    },

    /** Replaces the user's password (its hash) with one of their own; the caller has checked it against the policy. */
    async setPassword(id: string, password: string): Promise<void> {
      if (!isValidObjectId(id)) throw new AppError('NOT_FOUND', 'not_found_user')
      const passwordHash = await hashPassword(password)
      const res = await User.updateOne({ _id: id }, { $set: { passwordHash, mustChangePassword: false, passwordExpiresAt: null } })
      if (res.matchedCount === 0) throw new AppError('NOT_FOUND', 'not_found_user')
    },

    /** An administrator's reset: a temporary password, usable until `expiresAt` and only to choose a new one. */
    async setTemporaryPassword(id: string, password: string, expiresAt: Date): Promise<UserDto> {
      if (!isValidObjectId(id)) throw new AppError('NOT_FOUND', 'not_found_user')
      const passwordHash = await hashPassword(password)
      const user = await User.findByIdAndUpdate(
        id,
        { $set: { passwordHash, mustChangePassword: true, passwordExpiresAt: expiresAt } },
        { returnDocument: 'after' },
      ).lean()
      if (!user) throw new AppError('NOT_FOUND', 'not_found_user')
      return toUserDto(user)
    },

    /**
     * Returns the user only for a correct password of an active account, and a temporary one only
     * before it expires (`now`); never says which part failed.
     */
    async verifyLogin(username: string, password: string, now: Date): Promise<UserDto | null> {
      const user = await User.findOne({ username: { $eq: username } }).lean()
      if (!user) return burnPasswordCheck(password).then(() => null)
      const ok = await verifyPassword(password, user.passwordHash)
      const expired = user.mustChangePassword === true && (!user.passwordExpiresAt || user.passwordExpiresAt <= now)
      return ok && user.active && !expired ? toUserDto(user) : null
    },
  }
}
export type UsersRepository = ReturnType<typeof createUsersRepository>
