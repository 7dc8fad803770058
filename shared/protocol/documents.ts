import type { PersonRef } from './board'

/**
 * The file types a step's Output may be. The server decides the type from the file's content
 * (magic bytes, and for DOCX/XLSX the ZIP's entries), never from its name or Content-Type; the
 * client uses this list only to pre-filter the file picker.
 */
export const DOCUMENT_TYPES = {
  pdf: { mime: 'application/pdf', ext: ['pdf'], label: 'PDF' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: ['docx'], label: 'DOCX' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: ['xlsx'], label: 'XLSX' },
  png: { mime: 'image/png', ext: ['png'], label: 'PNG' },
  jpeg: { mime: 'image/jpeg', ext: ['jpg', 'jpeg'], label: 'JPEG' },
  webp: { mime: 'image/webp', ext: ['webp'], label: 'WEBP' },
} as const

export type DocumentKind = keyof typeof DOCUMENT_TYPES

/** For `<input type="file" accept>`: extensions and MIME types together. */
export const DOCUMENT_ACCEPT = Object.values(DOCUMENT_TYPES)
  .flatMap((t) => [...t.ext.map((e) => `.${e}`), t.mime])
  .join(',')

/** A file attached to a card as the Output of the step it was in when uploaded. */
export interface DocumentDto {
  /** The GridFS file id; download from `GET /api/documents/:id`. */
  id: string
  step: number
  /** The original file name, sanitised (no path, no control characters). */
  name: string
  /** MIME type decided from the content. */
  type: string
  /** Bytes. */
  size: number
  at: string
  by: PersonRef
}

/** A document in the cycle's archive (the SOP's last step, "Menyimpan dokumen"), with its card. */
export interface ArchiveDocumentDto extends DocumentDto {
  cardId: string
  unit: { id: string; name: string; shortName: string }
}

export interface CycleArchiveDto {
  cycleId: string
  /** The step whose documents form the archive (13 in the Balangan SOP). */
  step: number
  documents: ArchiveDocumentDto[]
}
