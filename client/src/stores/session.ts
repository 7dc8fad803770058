import { computed, ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { PasswordChange, SessionDto, SetupAdmin, UserDto } from '@shared/protocol/users'
import { api, ApiError, setUnauthenticatedHandler } from '../api/http'
import { connectSocket, disconnectSocket } from '../realtime/socket'
import { errorText } from '../ui/errors/text'

/** Who is signed in, and whether the installation still needs its first administrator. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<UserDto | null>(null)
  const needsSetup = ref<boolean | null>(null)
  const loaded = ref(false)
  /** Set when the server could not be reached at start; the app shows a retry screen. */
  const bootError = ref<string | null>(null)
  /** True after the server ended the session on its own (cookie expired, account deactivated). */
  const expired = ref(false)
  /** The password of this session would be refused today; the banner asks for a new one. */
  const weakPassword = ref(false)
  /** The banner was closed; it comes back at the next sign-in or page load. */
  const weakPasswordDismissed = ref(false)

  const isAdmin = computed(() => me.value?.isAdmin === true)

  let loading: Promise<void> | null = null

  function signedIn(user: UserDto, session?: Pick<SessionDto, 'weakPassword'>): void {
    me.value = user
    expired.value = false
    // Set at sign-in and at boot; a reconnect's check of the session leaves it as it is.
    if (session) weakPassword.value = session.weakPassword
    // After an administrator's reset the server opens nothing but the password change (not even
    // the socket) until the user has chosen their own.
    if (!user.mustChangePassword) connectSocket()
  }

  function expire(): void {
    if (!me.value) return
    me.value = null
    expired.value = true
    disconnectSocket()
  }

  async function bootstrap(): Promise<void> {
    try {
      // Both at once: on a slow link each round trip is felt, and a session answer for an install
      // that still needs its setup is simply not used.
      const [setup, session] = await Promise.all([
        api<{ needsSetup: boolean }>('GET', '/api/setup'),
        api<SessionDto>('GET', '/api/auth/me').catch((err: unknown) => {
          if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') return null
          throw err
        }),
      ])
      needsSetup.value = setup.needsSetup
      if (session && !setup.needsSetup) signedIn(session.user, session)
      else me.value = null
      bootError.value = null
      loaded.value = true
    } catch (err) {
      bootError.value = errorText(err)
    }
  }

  /** Loads the session once; route guards await it. After a boot error every call tries again. */
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    loading ??= bootstrap().finally(() => {
      loading = null
    })
    return loading
  }

  async function setup(input: SetupAdmin): Promise<void> {
    const session = await api<SessionDto>('POST', '/api/setup', input)
    needsSetup.value = false
    signedIn(session.user, session)
  }

  async function login(username: string, password: string): Promise<void> {
    const session = await api<SessionDto>('POST', '/api/auth/login', { username, password })
    weakPasswordDismissed.value = false
    signedIn(session.user, session)
  }

  /** Throws ApiError: VALIDATION (the new password), FORBIDDEN (the current one is wrong), RATE_LIMITED. */
  async function changePassword(input: PasswordChange): Promise<void> {
    const session = await api<SessionDto>('POST', '/api/auth/password', input)
    weakPassword.value = session.weakPassword
    const wasReset = me.value?.mustChangePassword === true
    me.value = session.user
    if (wasReset) connectSocket()
  }

  function dismissWeakPassword(): void {
    weakPasswordDismissed.value = true
  }

  async function logout(): Promise<void> {
    try {
      await api<void>('POST', '/api/auth/logout')
    } catch {
      // Signing out locally is what the user asked for; a dead server must not keep them in.
    }
    me.value = null
    expired.value = false
    weakPassword.value = false
    disconnectSocket()
  }

  setUnauthenticatedHandler(expire)

  /**
   * Asks the API whether the session still stands (realtime/sync.ts, after the connection dropped):
   * `me` is refreshed and the socket connected again, or the session has ended. An unreachable
   * server changes nothing.
   */
  async function revalidate(): Promise<void> {
    if (!me.value) return
    try {
      signedIn((await api<SessionDto>('GET', '/api/auth/me')).user)
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') expire()
    }
  }

  return {
    me,
    needsSetup,
    loaded,
    bootError,
    expired,
    weakPassword,
    weakPasswordDismissed,
    isAdmin,
    ensureLoaded,
    bootstrap,
    setup,
    login,
    changePassword,
    dismissWeakPassword,
    logout,
    expire,
    revalidate,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
