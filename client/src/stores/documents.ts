import { ref } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { CardDto } from '@shared/protocol/board'
import type { ArchiveDocumentDto, CycleArchiveDto } from '@shared/protocol/documents'
import { api, ApiError } from '../api/http'
import { i18n } from '../i18n'
import { errorText, isErrorLike } from '../ui/errors/text'
import { useCardDetailStore } from './cardDetail'

/** The server's refusal in words, from an error body `{ error: { code, reason?, params? } }`. */
function errorMessageOf(text: string): string | undefined {
  try {
    const error = (JSON.parse(text) as { error?: unknown } | null)?.error
    return isErrorLike(error) ? errorText(error) : undefined
  } catch {
    return undefined
  }
}

/** An upload in progress (or just failed) for one card. */
export interface UploadState {
  fileName: string
  loaded: number
  total: number
  status: 'uploading' | 'processing' | 'failed'
  error: string
}

export interface ArchiveState {
  status: 'loading' | 'ready' | 'error'
  step: number
  documents: ArchiveDocumentDto[]
  error: string
}

/**
 * Documents attached to cards: uploads with progress and cancel, deletes, and a cycle's archive.
 * The card (with its `documentCount`) stays in the board store and follows the server's
 * `card:updated` broadcast; a card's files are its panel's detail, loaded again after each change.
 */
export const useDocumentsStore = defineStore('documents', () => {
  const t = i18n.global.t
  const cardDetail = useCardDetailStore()
  const uploads = ref<Record<string, UploadState>>({})
  const archives = ref<Record<string, ArchiveState>>({})
  const requests = new Map<string, XMLHttpRequest>()

  function messageOf(err: unknown): string {
    if (err instanceof ApiError) return err.code === 'NETWORK' ? t('documents.networkError') : errorText(err)
    return t('documents.networkError')
  }

  /**
   * Sends the file as the raw request body (the server streams it into the database), with
   * XMLHttpRequest because fetch cannot report upload progress. Resolves true when stored. A file
   * larger than `maxBytes` (the board snapshot's) is refused here as the server would refuse it.
   */
  function upload(cardId: string, file: File, maxBytes: number | null = null): Promise<boolean> {
    requests.get(cardId)?.abort()
    if (maxBytes !== null && file.size > maxBytes) {
      // The server's own refusal, without sending megabytes it would refuse.
      const error = errorText({ code: 'VALIDATION', reason: 'document_too_large', params: { maxBytes } })
      uploads.value[cardId] = { fileName: file.name, loaded: 0, total: file.size, status: 'failed', error }
      return Promise.resolve(false)
    }
    const state: UploadState = { fileName: file.name, loaded: 0, total: file.size, status: 'uploading', error: '' }
    uploads.value[cardId] = state
    const xhr = new XMLHttpRequest()
    requests.set(cardId, xhr)
    const current = () => (requests.get(cardId) === xhr ? uploads.value[cardId] : undefined)
    return new Promise((resolve) => {
      const fail = (message: string) => {
        const s = current()
        if (s) Object.assign(s, { status: 'failed', error: message })
        requests.delete(cardId)
        resolve(false)
      }
      xhr.upload.onprogress = (e) => {
        const s = current()
        if (!s || !e.lengthComputable) return
        s.loaded = e.loaded
        s.total = e.total
        if (e.loaded >= e.total) s.status = 'processing'
      }
      xhr.onload = () => {
        if (requests.get(cardId) !== xhr) return resolve(false)
        if (xhr.status === 201) {
          requests.delete(cardId)
          delete uploads.value[cardId]
          cardDetail.changed(cardId)
          return resolve(true)
        }
        fail(errorMessageOf(xhr.responseText) ?? (xhr.status === 413 ? t('documents.tooLarge') : t('documents.failed')))
      }
      xhr.onerror = () => fail(t('documents.networkError'))
      xhr.onabort = () => {
        if (requests.get(cardId) === xhr) {
          requests.delete(cardId)
          delete uploads.value[cardId]
        }
        resolve(false)
      }
      xhr.open('POST', `/api/cards/${encodeURIComponent(cardId)}/documents?name=${encodeURIComponent(file.name)}`)
      xhr.setRequestHeader('Accept', 'application/json')
      // The server decides the type from the bytes; this header only keeps body parsers away.
      xhr.setRequestHeader('Content-Type', 'application/octet-stream')
      xhr.send(file)
    })
  }

  function cancel(cardId: string): void {
    requests.get(cardId)?.abort()
  }

  function dismiss(cardId: string): void {
    if (uploads.value[cardId]?.status === 'failed') delete uploads.value[cardId]
  }

  /** Null when deleted, or the message to show. */
  async function remove(documentId: string): Promise<string | null> {
    try {
      const { card } = await api<{ card: CardDto }>('DELETE', `/api/documents/${encodeURIComponent(documentId)}`)
      cardDetail.changed(card.id)
      return null
    } catch (err) {
      return messageOf(err)
    }
  }

  async function loadArchive(cycleId: string): Promise<void> {
    const previous = archives.value[cycleId]
    archives.value[cycleId] = { status: previous?.status === 'ready' ? 'ready' : 'loading', step: previous?.step ?? 0, documents: previous?.documents ?? [], error: '' }
    try {
      const body = await api<CycleArchiveDto>('GET', `/api/cycles/${encodeURIComponent(cycleId)}/documents`)
      archives.value[cycleId] = { status: 'ready', step: body.step, documents: body.documents, error: '' }
    } catch (err) {
      archives.value[cycleId] = { status: 'error', step: previous?.step ?? 0, documents: previous?.documents ?? [], error: messageOf(err) }
    }
  }

  return { uploads, archives, upload, cancel, dismiss, remove, loadArchive }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDocumentsStore, import.meta.hot))
