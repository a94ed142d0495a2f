import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { absoluteUrl } from '#services/mail/app_url'

edge.global('appName', 'Anbieterverzeichnis')
edge.global('inProduction', app.inProduction)
/** Absolute URLs (canonical, Open Graph) on APP_URL, never on the request's Host. */
edge.global('absoluteUrl', absoluteUrl)

/** Radius choices of the search form; a value from the URL stays selectable. */
const RADII_KM = [5, 10, 25, 50, 100, 200, 300]
edge.global('radiusOptions', (current: unknown) => {
  const km = Number(current)
  if (!current || !Number.isFinite(km) || km <= 0 || RADII_KM.includes(km)) return RADII_KM
  return [...RADII_KM, km].sort((a, b) => a - b)
})
