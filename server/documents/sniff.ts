import { DOCUMENT_TYPES, type DocumentKind } from '../../shared/protocol/documents'

/**
 * The type of an upload decided from its bytes alone. A name or a Content-Type is what the sender
 * claims; the first bytes (and, for the Office formats, the ZIP's list of entries) are what the
 * file is. Pure functions, no I/O.
 */

/** Bytes needed at the start of a file to tell the types apart. */
export const HEAD_BYTES = 16

export type HeadKind = Exclude<DocumentKind, 'docx' | 'xlsx'> | 'zip'

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(buf: Buffer, bytes: number[], at = 0): boolean {
  return buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b)
}

/** The kind from the first bytes, or null when it is none of the allowed ones. */
export function sniffHead(head: Buffer): HeadKind | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (startsWith(head, PNG)) return 'png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp'
  // A local file header: DOCX and XLSX are ZIP archives (OOXML); which one is decided by the entries.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip'
  return null
}

/** What `sniffHead` saw in a refused file, as the refusal's `detected` param (the client words it). */
export type RefusedHead = 'empty' | 'exe' | 'elf' | 'zip' | 'unknown'

export function describeHead(head: Buffer): RefusedHead {
  if (head.length === 0) return 'empty'
  if (startsWith(head, [0x4d, 0x5a])) return 'exe'
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf'
  if (startsWith(head, [0x50, 0x4b])) return 'zip'
  return 'unknown'
}

const EOCD_SIG = 0x06054b50
const CEN_SIG = 0x02014b50
/** The end-of-central-directory record is 22 bytes plus a comment of up to 65535. */
export const ZIP_TAIL_BYTES = 22 + 0xffff

export type ZipVerdict = { ok: true; kind: 'docx' | 'xlsx' } | { ok: false; reason: 'document_zip_broken' | 'document_not_office' | 'document_macro' }

/**
 * Reads the ZIP central directory from the end of the file and decides DOCX or XLSX from its
 * entry names. `tail` holds the last bytes of a file of `size` bytes; the directory must lie in it
 * (it is at the very end, a few KiB for any real document).
 */
export function zipOfficeKind(tail: Buffer, size: number): ZipVerdict {
  const bad = { ok: false as const, reason: 'document_zip_broken' as const }
  let eocd = -1
  for (let i = tail.length - 22; i >= Math.max(0, tail.length - ZIP_TAIL_BYTES); i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return bad
  const entries = tail.readUInt16LE(eocd + 10)
  const cdSize = tail.readUInt32LE(eocd + 12)
  const cdOffset = tail.readUInt32LE(eocd + 16)
  const tailStart = size - tail.length
  let p = cdOffset - tailStart
  if (p < 0 || cdOffset + cdSize > size - (tail.length - eocd)) return bad
  const names: string[] = []
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || tail.readUInt32LE(p) !== CEN_SIG) return bad
    const nameLen = tail.readUInt16LE(p + 28)
    const extraLen = tail.readUInt16LE(p + 30)
    const commentLen = tail.readUInt16LE(p + 32)
    names.push(tail.subarray(p + 46, p + 46 + nameLen).toString('utf8'))
    p += 46 + nameLen + extraLen + commentLen
  }
  const has = (prefix: string) => names.some((name) => name.startsWith(prefix))
  if (!has('[Content_Types].xml')) return { ok: false, reason: 'document_not_office' }
  // Macro-enabled Office files (.docm/.xlsm) carry a VBA project: not accepted as an Output.
  if (names.some((name) => name.toLowerCase().endsWith('vbaproject.bin'))) {
    return { ok: false, reason: 'document_macro' }
  }
  const word = has('word/')
  const excel = has('xl/')
  if (word && !excel) return { ok: true, kind: 'docx' }
  if (excel && !word) return { ok: true, kind: 'xlsx' }
  return { ok: false, reason: 'document_not_office' }
}

/**
 * A file name safe to store and to send back in Content-Disposition: no directories, no control
 * or reserved characters, at most 120 characters, and ending in the extension of the type the
 * content turned out to be (a PDF uploaded as "laporan.docx" downloads as "laporan.docx.pdf").
 */
export function sanitizeFileName(raw: string, kind: DocumentKind): string {
  const exts: readonly string[] = DOCUMENT_TYPES[kind].ext
  let name = raw.normalize('NFC').split(/[\\/]/).pop() ?? ''
  name = name
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const dot = name.lastIndexOf('.')
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : ''
  let base = exts.includes(ext) ? name.slice(0, dot) : name
  base = base.replace(/[\s.]+$/, '') || 'dokumen'
  const suffix = `.${exts.includes(ext) ? ext : exts[0]}`
  return Array.from(base).slice(0, 120 - suffix.length).join('') + suffix
}
