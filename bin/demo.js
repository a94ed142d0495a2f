/*
|--------------------------------------------------------------------------
| npm run demo
|--------------------------------------------------------------------------
|
| Plain JavaScript, because it runs before the app can boot (there may be no
| .env yet). On a fresh clone it:
|   1. writes .env from .env.example with a new APP_KEY, if there is none;
|   2. runs the migrations;
|   3. seeds the demo data (idempotent: a second run creates nothing);
|   4. imports the postal codes shipped in database/data/ (GeoNames, CC BY 4.0)
|      when none are imported yet;
|   5. serves the app on PORT (default 3333).
*/
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const envFile = join(root, '.env')

function log(message) {
  console.log(`[demo] ${message}`)
}

/** Writes .env from .env.example, with a fresh APP_KEY and NODE_ENV=development. */
function writeEnvFile() {
  if (existsSync(envFile)) {
    log('.env exists, keeping it')
    return
  }
  const example = readFileSync(join(root, '.env.example'), 'utf8')
  const appKey = randomBytes(32).toString('base64url')
  let env = example
    .replace(/^APP_KEY=.*$/m, `APP_KEY=${appKey}`)
    .replace(/^NODE_ENV=.*$/m, 'NODE_ENV=development')
    .replace(/^PORT=.*$/m, `PORT=${process.env.PORT ?? 3333}`)
    .replace(/^APP_URL=.*$/m, `APP_URL=http://localhost:${process.env.PORT ?? 3333}`)
  if (!/^APP_KEY=/m.test(env)) env += `\nAPP_KEY=${appKey}\n`
  if (!/^NODE_ENV=/m.test(env)) env += '\nNODE_ENV=development\n'
  writeFileSync(envFile, env, { mode: 0o600 })
  log('wrote .env with a new APP_KEY')
}

/** Runs a child process with inherited stdio; resolves with its exit code. */
function run(args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolvePromise(signal ? 1 : (code ?? 1)))
  })
}

async function ace(...args) {
  const code = await run(['ace', ...args])
  if (code !== 0) {
    console.error(`[demo] "node ace ${args.join(' ')}" failed (exit code ${code})`)
    process.exit(code)
  }
}

/** Starts bin/server.ts through @poppinss/ts-exec, as `node ace serve` would, minus the file watcher. */
function serve() {
  const nodeArgs = ['--import=@poppinss/ts-exec', '--enable-source-maps']
  nodeArgs.push(
    process.allowedNodeEnvironmentFlags.has('--disable-warning')
      ? '--disable-warning=ExperimentalWarning'
      : '--no-warnings'
  )
  const child = spawn(process.execPath, [...nodeArgs, 'bin/server.js'], {
    cwd: root,
    stdio: 'inherit',
  })

  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal)
    })
  }
  child.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)))
  child.on('error', (error) => {
    console.error(error)
    process.exit(1)
  })
}

writeEnvFile()
await ace('migration:run', '--force')
await ace('demo:seed')
await ace('geo:import', '--if-empty')
log(`starting the server on http://localhost:${process.env.PORT ?? readPort() ?? 3333}`)
serve()

function readPort() {
  const match = readFileSync(envFile, 'utf8').match(/^PORT=(\d+)\s*$/m)
  return match?.[1]
}
