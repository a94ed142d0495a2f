import app from '@adonisjs/core/services/app'

/**
 * Runs an ace command in-process and fails loudly when it does.
 */
async function runCommand(name: string, args: string[] = []) {
  const ace = await app.container.make('ace')
  const command = await ace.exec(name, args)
  if (command.exitCode) {
    throw command.error ?? new Error(`"node ace ${[name, ...args].join(' ')}" failed`)
  }
}

/**
 * The browser suite reads committed data through a real server, so it
 * cannot use a global transaction. It starts from an empty schema every
 * run (leftovers of an aborted run cannot leak in), then loads what
 * `npm run demo` loads: the demo seed and postal codes (a small fixture).
 */
export async function seedBrowserDatabase() {
  await runCommand('migration:reset', ['--compact-output'])
  await runCommand('migration:run', ['--compact-output'])
  await runCommand('geo:import', [app.makePath('tests/fixtures/postal_codes.csv')])
  await runCommand('demo:seed')
}
