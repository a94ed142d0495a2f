/*
|--------------------------------------------------------------------------
| npm start: the compiled app, in production
|--------------------------------------------------------------------------
|
| Plain JavaScript, copied into build/bin/ by the build (adonisrc.ts
| metaFiles), so `npm start` works in both places:
|   - in the project root, after `npm run build`: runs build/bin/server.js,
|     reading the .env beside package.json (if any; real environment
|     variables win);
|   - in build/ (or a copy of it on a server): runs bin/server.js beside it.
| NODE_ENV is always production here; `npm run dev` is for development.
*/
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const insideBuild = existsSync(join(here, 'server.js'))
const server = insideBuild ? join(here, 'server.js') : join(here, '..', 'build', 'bin', 'server.js')

if (!existsSync(server)) {
  console.error('Cannot start the server: there is no build (run `npm run build` first).')
  process.exit(1)
}
process.env.NODE_ENV = 'production'
if (!insideBuild) process.env.ENV_PATH ??= join(here, '..')

await import(pathToFileURL(server).href)
