import edge from 'edge.js'
import app from '@adonisjs/core/services/app'
import { berlinTime, isoTime } from '#services/berlin_time'
import { countryOptions } from '#services/countries'
import { absoluteUrl } from '#services/mail/app_url'
import { formatNewsDate } from '#services/news/news_date'
import { issueFormToken } from '#services/subscriptions/form_token'

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

/**
 * The one way views and mails show a point in time: Berlin time in the
 * page's language, with the zone (MEZ/MESZ) unless `{ zone: false }`.
 * `<time datetime="{{ isoTime(value) }}">{{ berlinTime(value, locale) }}</time>`
 */
edge.global('berlinTime', berlinTime)
edge.global('isoTime', isoTime)

/** The countries for `form.country`, named and sorted in the page's language. */
edge.global('countryOptions', countryOptions)

/** A news item's day as the portal prints it: "9.3.2012". */
edge.global('newsDate', formatNewsDate)

/**
 * edge.js decides at construction whether to re-list `components/` before
 * every render, and the singleton is built before `cache` is configured: so
 * in production it would still read the directory tree for every request
 * that touches `ctx.view` (a third of a bare /ping). Templates are fixed in
 * a build, so the list is read once there.
 */
if (app.inProduction) {
  const listComponents = edge.loader.listComponents.bind(edge.loader)
  let components: ReturnType<typeof listComponents> | undefined
  edge.loader.listComponents = () => (components ??= listComponents())
}

/** The subscription form's signed, stateless token (no session on reader pages). */
edge.global('subscriptionFormToken', () => issueFormToken())
