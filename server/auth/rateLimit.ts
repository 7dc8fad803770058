import type { Clock } from '../platform/clock'

/*
 * Login throttling that keeps guessing slow without letting a stranger lock an account.
 *
 * Three counters of failed password checks, each an exponential backoff (BackoffPolicy):
 *   - the pair (account, address) — or (account, known browser) when the request carries this
 *     browser's signed cookie for the account (knownBrowsers.ts): 3 failures free, then a wait of
 *     15 s doubling with each failure up to 15 min. During the wait every attempt of the pair is
 *     refused before the password is looked at, the right one too, so the wait cannot be probed.
 *     A success clears the pair.
 *   - the address, across accounts (password spraying): 20 free, then 1 min doubling to 15 min.
 *   - the account, across addresses (a guesser with many addresses): 10 free, then 1 min
 *     doubling to 15 min.
 * Where the account has signed in before, the wider counters step aside, so failures from
 * elsewhere, however many, never keep the owner out; only the owner's own pair slows the owner:
 *   - a browser with the account's known-browser cookie skips the address and account counters;
 *   - an address the account logged in from (remembered here for 30 days) skips the account
 *     counter only — an office NAT is everyone's known address, and spraying from inside the
 *     office must still meet the address counter; the office's browsers carry their cookies.
 * An administrator's unlock clears the account's counter and its pairs.
 *
 * The counters live in this process's memory: a restart forgets them, and with several nodes each
 * counts its own (a guesser spread over the nodes gets at most nodes × the limits). A failure is
 * counted while its check runs, so parallel guesses cannot all slip through before the first is
 * recorded: past the free failures only one attempt of a key may be in flight at a time.
 */

export interface BackoffPolicy {
  /** Failures answered without a wait. */
  free: number
  /** The wait after the first failure past `free`; every further failure doubles it… */
  firstWaitMs: number
  /** …up to this. */
  maxWaitMs: number
  /** A key without a failure for this long starts from zero again. */
  forgetAfterMs: number
}

export const PAIR_POLICY: BackoffPolicy = { free: 3, firstWaitMs: 15_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 }
export const ADDRESS_POLICY: BackoffPolicy = { free: 20, firstWaitMs: 60_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 3600_000 }
export const ACCOUNT_POLICY: BackoffPolicy = { free: 10, firstWaitMs: 60_000, maxWaitMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 }
const KNOWN_ADDRESS_MS = 30 * 24 * 3600_000
const KNOWN_ADDRESSES_PER_ACCOUNT = 10
/** How long an attempt waits for another one of its key still being checked (about one scrypt). */
const IN_FLIGHT_WAIT_MS = 1000
/** Beyond this many keys the oldest are dropped, so made-up usernames cannot fill the memory. */
const MAX_KEYS = 50_000

interface Entry {
  failures: number
  lastFailureAt: number
  blockedUntil: number
  inFlight: number
}

export function createBackoff(clock: Clock, policy: BackoffPolicy) {
  const entries = new Map<string, Entry>()

  function live(key: string, now: number): Entry | undefined {
    const entry = entries.get(key)
    if (entry && entry.inFlight === 0 && now - entry.lastFailureAt >= policy.forgetAfterMs) {
      entries.delete(key)
      return undefined
    }
    return entry
  }

  function sweep(now: number) {
    if (entries.size < MAX_KEYS) return
    for (const key of entries.keys()) live(key, now)
    // Still full of fresh keys: drop the oldest inserted (Map keeps insertion order).
    for (const key of entries.keys()) {
      if (entries.size < MAX_KEYS) break
      entries.delete(key)
    }
  }

  return {
    /** How long `key` must wait before an attempt; 0 when one may start now. */
    waitMs(key: string): number {
      const now = clock().getTime()
      const entry = live(key, now)
      if (!entry) return 0
      if (entry.blockedUntil > now) return entry.blockedUntil - now
      if (entry.inFlight > 0 && entry.failures + entry.inFlight >= policy.free) return IN_FLIGHT_WAIT_MS
      return 0
    },

    /** An attempt of `key` is being checked; end() it exactly once. */
    begin(key: string): void {
      const now = clock().getTime()
      sweep(now)
      const entry = live(key, now)
      if (entry) entry.inFlight++
      else entries.set(key, { failures: 0, lastFailureAt: now, blockedUntil: 0, inFlight: 1 })
    },

    /** The attempt begun ended; a failure counts and, past the free ones, starts a wait. */
    end(key: string, failed: boolean): void {
      const entry = entries.get(key)
      if (!entry) return
      entry.inFlight = Math.max(0, entry.inFlight - 1)
      if (failed) {
        const now = clock().getTime()
        entry.failures++
        entry.lastFailureAt = now
        const over = entry.failures - policy.free
        if (over >= 0) entry.blockedUntil = now + Math.min(policy.firstWaitMs * 2 ** Math.min(over, 30), policy.maxWaitMs)
      } else if (entry.failures === 0 && entry.inFlight === 0) {
        entries.delete(key)
      }
    },

    clear(key: string): void {
      entries.delete(key)
    },

    clearWhere(match: (key: string) => boolean): void {
      for (const key of entries.keys()) if (match(key)) entries.delete(key)
    },
  }
}
export type Backoff = ReturnType<typeof createBackoff>

export interface LoginAttempt {
  /** The username as typed (normalised); unknown usernames are counted the same way. */
  account: string
  /** The client's address (req.ip, behind TRUST_PROXY). */
  address: string
  /** This browser's id for the account when it carried a valid known-browser cookie for it. */
  browser?: string
}

/** How a password check ended: `error` (the database did not answer) counts as nothing. */
export type LoginOutcome = 'success' | 'failure' | 'error'

export type LoginTicket =
  | { ok: true; finish(outcome: LoginOutcome): void }
  | { ok: false; retryAfterSeconds: number }

export function createLoginGuard(clock: Clock) {
  const pairs = createBackoff(clock, PAIR_POLICY)
  const addresses = createBackoff(clock, ADDRESS_POLICY)
  const accounts = createBackoff(clock, ACCOUNT_POLICY)
  /** account → address → when it last logged in from there. */
  const knownAddresses = new Map<string, Map<string, number>>()

  // NUL cannot occur in a username, so an account's pairs are exactly the keys with its prefix.
  const pairPrefix = (account: string) => `${account}\u0000`
  const pairKey = (a: LoginAttempt) => `${pairPrefix(a.account)}${a.browser ? `browser:${a.browser}` : `address:${a.address}`}`

  function fromKnownAddress(a: LoginAttempt): boolean {
    const at = knownAddresses.get(a.account)?.get(a.address)
    return at !== undefined && clock().getTime() - at < KNOWN_ADDRESS_MS
  }

  function rememberAddress(a: LoginAttempt): void {
    const now = clock().getTime()
    let places = knownAddresses.get(a.account)
    if (!places) {
      if (knownAddresses.size >= MAX_KEYS) {
        const oldest = knownAddresses.keys().next().value
        if (oldest !== undefined) knownAddresses.delete(oldest)
      }
      places = new Map()
      knownAddresses.set(a.account, places)
    }
    places.delete(a.address)
    places.set(a.address, now)
    for (const [address, at] of places) {
      if (places.size <= KNOWN_ADDRESSES_PER_ACCOUNT && now - at < KNOWN_ADDRESS_MS) continue
      places.delete(address)
    }
  }

  return {
    /**
     * Starts a password check for the attempt, or says how long to wait first (answer 429 then,
     * without looking at the password). A started check is finish()ed exactly once.
     */
    begin(a: LoginAttempt): LoginTicket {
      const pair = pairKey(a)
      const knownBrowser = a.browser !== undefined
      const knownPlace = knownBrowser || fromKnownAddress(a)
      const wait = Math.max(pairs.waitMs(pair), knownBrowser ? 0 : addresses.waitMs(a.address), knownPlace ? 0 : accounts.waitMs(a.account))
      if (wait > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) }
      pairs.begin(pair)
      addresses.begin(a.address)
      accounts.begin(a.account)
      let finished = false
      return {
        ok: true,
        finish(outcome) {
          if (finished) return
          finished = true
          const failed = outcome === 'failure'
          pairs.end(pair, failed)
          addresses.end(a.address, failed)
          accounts.end(a.account, failed)
          if (outcome === 'success') {
            pairs.clear(pair)
            rememberAddress(a)
          }
        },
      }
    },

    /** An administrator's unlock: the account's own counter and every pair of it start from zero. */
    unlock(account: string): void {
      accounts.clear(account)
      const prefix = pairPrefix(account)
      pairs.clearWhere((key) => key.startsWith(prefix))
    },
  }
}
export type LoginGuard = ReturnType<typeof createLoginGuard>
