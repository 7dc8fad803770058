import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Separate from vite.config.ts, whose root is client/: tests live in server/ and shared/.
export default defineConfig({
  // The client's alias for shared/ (tsconfig.app.json), for the client's own tests.
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'client/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Starting an embedded FerretDB takes a moment.
    hookTimeout: 60_000,
    // Child processes (FerretDB) and process-wide hooks behave like in production in a real process.
    pool: 'forks',
  },
})
