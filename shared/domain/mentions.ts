/**
 * The people a note names: "@username" anywhere in its text, written as the account's username
 * (lower-case letters, digits, ".", "_", "-"). A dot ending the sentence is not part of the name.
 */
export function mentionsIn(text: string): string[] {
  const names = new Set<string>()
  for (const match of text.matchAll(/(^|[^\p{L}\p{N}._@-])@([a-z0-9._-]{3,40})/giu)) {
    const name = (match[2] ?? '').toLowerCase().replace(/[.]+$/, '')
    if (name.length >= 3) names.add(name)
  }
  return [...names]
}
