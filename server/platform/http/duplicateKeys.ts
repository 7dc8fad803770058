/**
 * The first key that appears twice in one object of a JSON text, or null.
 *
 * JSON.parse keeps the last of two equal keys, so `{"ids": [...], "ids": null}` reads as something
 * the sender's own checks (or a proxy's) never saw. A body that says two things is refused instead.
 * Runs only on text that JSON.parse accepted, so it need not report syntax errors; keys are compared
 * decoded (`"a"` and `"\u0061"` are the same key).
 */
export function duplicateKeyIn(text: string): string | null {
  // One set of keys per open object; arrays push null so a closing bracket always pops.
  const open: (Set<string> | null)[] = []
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') {
      const start = i
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++
      const keys = open.at(-1)
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(start, i + 1)) as string
        if (keys.has(key)) return key
        keys.add(key)
      }
      expectKey = false
    } else if (c === '{') {
      open.push(new Set())
      expectKey = true
    } else if (c === '[') {
      open.push(null)
      expectKey = false
    } else if (c === '}' || c === ']') {
      open.pop()
      expectKey = false
    } else if (c === ',') {
      expectKey = open.at(-1) != null
    }
  }
  return null
}
