import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/bodyparser'

/**
 * The routes (by name) that take multipart bodies, i.e. file uploads. Every
 * other route refuses multipart with 415 before reading it
 * (app/middleware/request_body_middleware.ts). To let a route take an
 * upload, add its name here.
 */
export const multipartRoutes: ReadonlySet<string> = new Set([
  'account.vendors.logo.store',
  // The booking issue's image creatives (multipart field `image`).
  'account.bookings.store',
  'api.v1.bookings.store',
])

/** Where uploads wait while their request runs; they are deleted when it ends. */
export const multipartUploadsDir = app.tmpPath('uploads')

const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: true,
    types: [
      'application/json',
      'application/json-patch+json',
      'application/vnd.api+json',
      'application/csp-report',
    ],
  },
  /**
   * Never read here: request_body_middleware reads it on `multipartRoutes`
   * only, and refuses it everywhere else.
   */
  multipart: {
    autoProcess: false,
    convertEmptyStringsToNull: true,
    processManually: [],
    limit: '20mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
