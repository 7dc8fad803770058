import { z } from 'zod'

// Imported first by main.ts, before any schema is built. Zod 4 probes for eval (`new Function`)
// when it builds an object schema, to compile faster parsers; under the app's CSP (script-src
// 'self', no 'unsafe-eval') the probe is refused and reported as a violation even though zod
// catches it. The interpreted parsers are plenty fast for form validation.
z.config({ jitless: true })
