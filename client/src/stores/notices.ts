import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'

export type NoticeTone = 'info' | 'success' | 'warning' | 'error'

export interface Notice {
  id: number
  tone: NoticeTone
  text: string
  /** Extra lines, e.g. the list of what changed while the board was disconnected. */
  lines: string[]
  /** A button on the toast ("Urungkan"); pressing it closes the toast. */
  action?: NoticeAction
}

export interface NoticeAction {
  label: string
  run: () => void
}

const MAX_VISIBLE = 5

/** Toasts: short-lived messages about what just happened (refused drops, rollbacks, reconnects). */
export const useNoticesStore = defineStore('notices', () => {
  const items = ref<Notice[]>([])
  let nextId = 1
  const timers = new Map<number, ReturnType<typeof setTimeout>>()

  function push(tone: NoticeTone, text: string, lines: string[] = [], timeoutMs?: number, action?: NoticeAction): number {
    const id = nextId++
    items.value = [...items.value, { id, tone, text, lines, ...(action ? { action } : {}) }].slice(-MAX_VISIBLE)
    // Errors and multi-line summaries stay longer: they explain why something did not happen.
    const ms = timeoutMs ?? (tone === 'error' || lines.length > 0 ? 9000 : 5000)
    if (ms > 0) timers.set(id, setTimeout(() => dismiss(id), ms))
    return id
  }

  function dismiss(id: number): void {
    const timer = timers.get(id)
    if (timer) clearTimeout(timer)
    timers.delete(id)
    items.value = items.value.filter((n) => n.id !== id)
  }

  /** Runs the toast's action once and closes the toast. */
  function act(id: number): void {
    const action = items.value.find((n) => n.id === id)?.action
    dismiss(id)
    action?.run()
  }

  const info = (text: string, lines?: string[]) => push('info', text, lines)
  const success = (text: string, lines?: string[]) => push('success', text, lines)
  const warning = (text: string, lines?: string[]) => push('warning', text, lines)
  const error = (text: string, lines?: string[]) => push('error', text, lines)

  return { items, push, dismiss, act, info, success, warning, error }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useNoticesStore, import.meta.hot))
