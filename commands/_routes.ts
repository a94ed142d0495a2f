import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Commits the routes so that `urlFor` and signed links work inside an ace
 * command: ace starts the app but does not boot the HTTP server, whose boot
 * is what commits them. Commands that write mails with links call this first.
 */
export async function commitRoutes(app: ApplicationService) {
  const server = await app.container.make('server')
  await server.boot()
}
