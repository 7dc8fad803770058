/**
 * The people a note names: "@username" anywhere in its text, written as the account's username
 * (lower-case letters, digits, ".", "_", "-"), not inside a word or an e-mail address. A dot
 * ending the sentence is not part of the name.
 */
const MENTION = /(?<![\p{L}\p{N}._@-])@([a-z0-9._-]{3,40})/giu

/** The text in pieces, each either plain text or one mention ("@kasubag"), in order: what the card panel highlights. */
export function mentionPieces(text: string): { text: string; mention: string | null }[] {
  const pieces: { text: string; mention: string | null }[] = []
  let plainFrom = 0
  for (const match of text.matchAll(MENTION)) {
    const name = (match[1] ?? '').replace(/[.]+$/, '')
    if (name.length < 3) continue
    if (match.index > plainFrom) pieces.push({ text: text.slice(plainFrom, match.index), mention: null })
    pieces.push({ text: `@${name}`, mention: name.toLowerCase() })
    plainFrom = match.index + name.length + 1
  }
  if (plainFrom < text.length) pieces.push({ text: text.slice(plainFrom), mention: null })
  return pieces
}

/** Each username the text names, once, lower-cased. */
export function mentionsIn(text: string): string[] {
  return [...new Set(mentionPieces(text).flatMap((p) => (p.mention ? [p.mention] : [])))]
}
