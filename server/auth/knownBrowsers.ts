import { isDuplicateKey } from '../platform/db/duplicateKey'
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Connection } from 'mongoose'
import type { Clock } from '../platform/clock'

/*
 * "This browser has signed in to this account before": a cookie the server signs at every
 * successful login, which exempts the browser from the account-wide and address-wide login limits
 * (rateLimit.ts), so a stranger's failed guesses never keep the owner out. It is no credential —
 * the password is still checked, and the browser's own failures are still slowed — so it can live
 * for a year. One cookie holds the entries of the last few accounts used in this browser (a shared
 * office computer): `account:issuedAt:mac` joined by `~`. The key is kept in the database (`meta`),
 * so the cookies survive restarts and hold on every node.
 */

export const KNOWN_BROWSER_COOKIE = 'papan_known'
export const KNOWN_BROWSER_MAX_AGE_MS = 365 * 24 * 3600_000
const ENTRIES_PER_BROWSER = 8
const KEY_ID = 'knownBrowserKey'

export async function loadKnownBrowserKey(conn: Connection): Promise<Buffer> {
  const meta = conn.collection<{ _id: string; key: string }>('meta')
  try {
    await meta.insertOne({ _id: KEY_ID, key: randomBytes(32).toString('base64') })
  } catch (err) {
    // Another node (or an earlier start) created it first: use that one.
    if (!isDuplicateKey(err)) throw err
  }
  const doc = await meta.findOne({ _id: KEY_ID })
  if (!doc) throw new Error('the known-browser key could not be stored')
  return Buffer.from(doc.key, 'base64')
}

export function createKnownBrowsers(key: Buffer, clock: Clock) {
  const macOf = (account: string, issued: string) => createHmac('sha256', key).update(`${account}:${issued}`).digest().subarray(0, 18).toString('base64url')

  function entries(cookie: string | undefined): { account: string; issued: string; mac: string }[] {
    if (!cookie || cookie.length > 2000) return []
    return cookie
      .split('~')
      .slice(0, ENTRIES_PER_BROWSER)
      .map((entry) => entry.split(':'))
      .filter((parts): parts is [string, string, string] => parts.length === 3)
      .map(([account, issued, mac]) => ({ account, issued, mac }))
  }

  function valid(e: { account: string; issued: string; mac: string }): boolean {
    const expected = Buffer.from(macOf(e.account, e.issued))
    const given = Buffer.from(e.mac)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false
    const issuedAt = parseInt(e.issued, 36)
    return Number.isFinite(issuedAt) && clock().getTime() - issuedAt < KNOWN_BROWSER_MAX_AGE_MS
  }

  return {
    /** This browser's id for `account` (its entry's mac) if the cookie vouches for it, else undefined. */
    browserFor(cookie: string | undefined, account: string): string | undefined {
      const entry = entries(cookie).find((e) => e.account === account)
      return entry && valid(entry) ? entry.mac : undefined
    },

    /** The cookie's value after a successful login to `account`: a fresh entry first, the others kept. */
    remember(cookie: string | undefined, account: string): string {
      const issued = clock().getTime().toString(36)
      const others = entries(cookie).filter((e) => e.account !== account && valid(e))
      return [{ account, issued, mac: macOf(account, issued) }, ...others]
        .slice(0, ENTRIES_PER_BROWSER)
        .map((e) => `${e.account}:${e.issued}:${e.mac}`)
        .join('~')
    },
  }
}
export type KnownBrowsers = ReturnType<typeof createKnownBrowsers>
