import { indexEntities } from '@adonisjs/core'
import { defineConfig } from '@adonisjs/core/app'
import { indexPolicies } from '@adonisjs/bouncer'

export default defineConfig({
  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('@adonisjs/mail/commands'),
  ],

  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    {
      file: () => import('@adonisjs/core/providers/repl_provider'),
      environment: ['repl', 'test'],
    },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/redis/redis_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/mail/mail_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('#providers/app_provider'),
    () => import('#providers/api_provider'),
  ],

  preloads: [
    () => import('#start/routes'),
    () => import('#start/routes/auth'),
    () => import('#start/routes/account'),
    () => import('#start/routes/editorial'),
    () => import('#start/kernel'),
    () => import('#start/events'),
    () => import('#start/view'),
  ],

  tests: {
    suites: [
      {
        files: ['tests/unit/**/*.spec.{ts,js}'],
        name: 'unit',
        timeout: 5000,
      },
      {
        files: ['tests/functional/**/*.spec.{ts,js}'],
        name: 'functional',
        timeout: 30000,
      },
      {
        files: ['tests/browser/**/*.spec.{ts,js}'],
        name: 'browser',
        timeout: 300000,
      },
    ],
    forceExit: false,
  },

  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/lang/**/*.{json,yaml,yml}', reloadServer: false },
    { pattern: 'public/**', reloadServer: false },
    // The shipped postal codes, so `node ace geo:import` in build/ finds them too.
    { pattern: 'database/data/**', reloadServer: false },
    // The operator's legal texts (LEGAL_DIR's default), and `npm start` inside build/.
    { pattern: 'resources/legal/**', reloadServer: false },
    { pattern: 'bin/start.js', reloadServer: false },
  ],

  /**
   * Assembler hooks (dev server, build, tests): they generate the entity
   * indexes under .adonisjs/ (controllers, events, policies, transformers)
   * and the route types that the URL builder checks names against.
   */
  hooks: {
    init: [indexEntities({ transformers: { enabled: true } }), indexPolicies()],
  },
})
