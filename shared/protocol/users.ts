import { z } from '../zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordWeakness, type PasswordWeakness } from '../auth/passwordPolicy'
import { LaneId, UnitId } from './common'

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung')
export const Password = z.string().min(PASSWORD_MIN_LENGTH, 'kata sandi minimal 10 karakter').max(PASSWORD_MAX_LENGTH)

/** The server's words for each refusal of shared/auth/passwordPolicy (the client has its own, per locale). */
export const PASSWORD_WEAKNESS_MESSAGES: Record<PasswordWeakness, string> = {
  short: 'kata sandi minimal 10 karakter',
  pattern: 'kata sandi tidak boleh berupa pola sederhana seperti aaaaaaaa atau 12345678',
  username: 'kata sandi tidak boleh memuat nama pengguna',
  common: 'kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak',
}

/** Adds the policy's refusal of `password` as an issue at `field`, so a form can mark that field. */
function refusePasswordWeakness(ctx: z.RefinementCtx, field: string, password: string, username: string): void {
  const weakness = passwordWeakness(password, { username })
  if (weakness) ctx.addIssue({ code: 'custom', path: [field], message: PASSWORD_WEAKNESS_MESSAGES[weakness], params: { weakness } })
}

const UserFields = z.strictObject({
  name: z.string().trim().min(1).max(120),
  username: Username,
  nip: z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, 'NIP terdiri dari 18 angka')
    .optional()
    .default(''),
  role: LaneId,
  unitId: UnitId.nullable().optional().default(null),
  isAdmin: z.boolean().default(false),
  password: Password,
})

export const UserCreate = UserFields.superRefine((u, ctx) => refusePasswordWeakness(ctx, 'password', u.password, u.username))
export type UserCreate = z.input<typeof UserCreate>

// Built from the unrefined fields: zod refuses to omit keys from an object that has refinements.
export const SetupAdmin = UserFields.omit({ isAdmin: true }).superRefine((u, ctx) => refusePasswordWeakness(ctx, 'password', u.password, u.username))
export type SetupAdmin = z.input<typeof SetupAdmin>

/** POST /api/auth/password: one's own password, with the current one as proof. */
export const PasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: Password,
})
export type PasswordChange = z.infer<typeof PasswordChange>

/** PasswordChange for the account `username`: the new password obeys the policy and differs from the current one. */
export function passwordChangeFor(username: string) {
  return PasswordChange.superRefine((input, ctx) => {
    if (input.newPassword === input.currentPassword) {
      ctx.addIssue({ code: 'custom', path: ['newPassword'], message: 'kata sandi baru harus berbeda dari yang sekarang', params: { weakness: 'unchanged' } })
      return
    }
    refusePasswordWeakness(ctx, 'newPassword', input.newPassword, username)
  })
}

export const Login = z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(40), password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
export type Login = z.infer<typeof Login>

export const UserActive = z.strictObject({ active: z.boolean() })

/** PUT /api/users/:id: what an administrator may change of an account (not its username or password). */
export const UserEdit = UserFields.pick({ name: true, nip: true, role: true, unitId: true, isAdmin: true })
export type UserEdit = z.input<typeof UserEdit>

/** How long a temporary password set by an administrator's reset may be used to sign in once. */
export const TEMPORARY_PASSWORD_HOURS = 24

/** The answer to POST /api/users/:id/password-reset, shown to the administrator once. */
export interface PasswordResetDto {
  user: UserDto
  temporaryPassword: string
  expiresAt: string
}

/** What a login (and GET /api/auth/me) answers. */
export interface SessionDto {
  user: UserDto
  /**
   * The password this session was opened with would be refused if it were set today (an account
   * from before the policy): the client asks the user to change it.
   */
  weakPassword: boolean
}

/** A colleague as anyone signed in may see them (GET /api/people): whom a note can mention. */
export interface PersonDto {
  username: string
  name: string
  role: string
  unitId: string | null
}

export interface UserDto {
  id: string
  name: string
  username: string
  nip: string
  role: string
  unitId: string | null
  isAdmin: boolean
  active: boolean
  /** An administrator reset the password: the account must set its own before anything else. */
  mustChangePassword: boolean
}
