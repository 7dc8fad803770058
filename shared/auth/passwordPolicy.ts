import { COMMON_PASSWORDS } from './commonPasswords'

/*
 * Which passwords are refused, wherever one is set (first-run setup, a user created by an
 * administrator, a change of one's own password). Pure and shared: the forms show the same reason
 * live while the user types, and the server, which decides, runs the same function. Existing
 * accounts are not locked out by it: a login with a password it would refuse now still succeeds
 * and is told to change it (server/auth/routes.ts).
 */

export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 200

/** Why a password is refused; the client words each one (i18n `validation.passwordWeakness.*`). */
export const PASSWORD_WEAKNESSES = ['short', 'pattern', 'username', 'common'] as const
export type PasswordWeakness = (typeof PASSWORD_WEAKNESSES)[number]

/** The first reason to refuse `password` for the account `username`, or null when it may be used. */
export function passwordWeakness(password: string, context: { username?: string } = {}): PasswordWeakness | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'short'
  const lower = password.toLowerCase()
  if (isPattern(lower)) return 'pattern'
  if (context.username && containsUsername(lower, context.username)) return 'username'
  if (isCommon(lower)) return 'common'
  return null
}

/**
 * One character or a block of up to four repeated ("aaaaaaaa", "12121212", "abcabcab"), or a run
 * of consecutive characters ("12345678", "abcdefgh", "87654321").
 */
function isPattern(lower: string): boolean {
  const chars = [...lower]
  for (let block = 1; block <= 4; block++) {
    if (chars.every((c, i) => c === chars[i % block])) return true
  }
  const codes = chars.map((c) => c.codePointAt(0) ?? 0)
  const step = (codes[1] ?? 0) - (codes[0] ?? 0)
  return Math.abs(step) === 1 && codes.every((code, i) => i === 0 || code - (codes[i - 1] ?? 0) === step)
}

/** The separators a username may hold; "sari.dewi" is still in "Sari-Dewi-2024". */
const squash = (s: string) => s.replace(/[._-]/g, '')
const reversed = (s: string) => [...s].reverse().join('')

/**
 * The username (case-insensitive, separators ignored, also backwards) anywhere in the password.
 * A three-letter username only counts when the rest of the password has no letter ("ani2024!"),
 * so that "kanibal-hijau" stays allowed for the user "ani".
 */
function containsUsername(lower: string, username: string): boolean {
  const password = squash(lower)
  const name = squash(username.trim().toLowerCase())
  if (name.length < 3) return false
  for (const candidate of new Set([name, reversed(name)])) {
    const at = password.indexOf(candidate)
    if (at < 0) continue
    if (candidate.length >= 4) return true
    const rest = password.slice(0, at) + password.slice(at + candidate.length)
    if (!/\p{L}/u.test(rest)) return true
  }
  return false
}

/** The substitutions people make to dress up a word: "p@ssw0rd", "s4y4ng". */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't', '+': 't' }
const unleet = (s: string) => s.replace(/[@431!0$57+]/g, (c) => LEET[c] ?? c)

/**
 * A listed password as it is, or once digits and symbols around a word are stripped
 * ("bismillah123", "2024indonesia!"), or with common letter substitutions undone.
 */
function isCommon(lower: string): boolean {
  const trailing = lower.replace(/[^\p{L}]+$/u, '')
  const around = trailing.replace(/^[^\p{L}]+/u, '')
  for (const variant of new Set([lower, trailing, around])) {
    if (variant.length < 4) continue
    if (COMMON_PASSWORDS.has(variant) || COMMON_PASSWORDS.has(unleet(variant))) return true
  }
  return false
}
