import { z } from 'zod'

// Every schema in shared/ and client/src/ takes zod from here. Zod 4 probes for eval
// (`new Function`) when it builds an object schema, to compile faster parsers; under the browser
// app's CSP (script-src 'self', no 'unsafe-eval') the probe is refused and reported as a violation
// even though zod catches it. So in a browser it is switched off before the first schema is built,
// which only an import that every schema module goes through guarantees: the bundle may evaluate a
// shared chunk of schemas before the entry's own first import. The server keeps the fast parsers.
if ('document' in globalThis) z.config({ jitless: true })

export { z }
