/*
 * The portal's vendor box and ad for other sites (served as /embed.js).
 *
 *   <div data-vendor-box="social-media" data-lang="de"></div>
 *   <script src="https://portal.example/embed.js" async></script>
 *
 * For every element with data-vendor-box (the topic's slug) it asks the
 * placement API of the origin it was loaded from for one view, and renders
 * the box (paid places marked "Anzeige") and the ad (or the house ad) with
 * DOM APIs only: text goes in as textContent, never as HTML. One request
 * is one counted view, exactly as on the topic page. It sets and sends no
 * cookie (credentials: 'omit') and needs no framework. data-lang="en"
 * switches its own texts to English; German otherwise.
 *
 * The paths below are the routes api.v1.placements.show and advertise
 * (a test keeps them equal to the URL builder's).
 */
;(() => {
  'use strict'

  const PLACEMENTS_PATH = '/api/v1/placements'
  const ADVERTISE_PATH = '/advertise'
  const PROFILE_PATH = '/vendors/'

  const TEXTS = {
    de: {
      heading: 'Ausgewählte Anbieter',
      label: 'Anzeige',
      empty: 'In diesem Bereich sind noch keine Anbieter eingetragen.',
      houseHeadline: 'Ihre Anzeige an dieser Stelle',
      houseBody: 'Anzeigenplätze sind wochenweise buchbar.',
      houseCta: 'Anzeige buchen',
    },
    en: {
      heading: 'Selected vendors',
      label: 'Advertisement',
      empty: 'No vendors are listed in this topic yet.',
      houseHeadline: 'Your ad could be here',
      houseBody: 'Ad places can be booked by the week.',
      houseCta: 'Book an ad',
    },
  }

  const script = document.currentScript
  if (!script || !script.src) return
  const origin = new URL(script.src).origin

  /** An http(s) URL from the API, or null: nothing else becomes a link or an image. */
  function safeUrl(value) {
    try {
      const url = new URL(String(value), origin)
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null
    } catch {
      return null
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined && text !== null) node.textContent = String(text)
    return node
  }

  /** A link that leaves the host page alone: a new tab, no opener. */
  function link(href, text, sponsored) {
    const anchor = element('a', 'avz-link', text)
    anchor.href = href
    anchor.target = '_blank'
    anchor.rel = sponsored ? 'sponsored noopener' : 'noopener'
    return anchor
  }

  function renderBox(vendors, topic, texts) {
    const box = element('section', 'avz-box')
    box.appendChild(element('h2', 'avz-box__heading', texts.heading))
    if (vendors.length === 0) {
      box.appendChild(element('p', 'avz-box__empty', texts.empty))
      return box
    }
    const list = element('ul', 'avz-box__list')
    for (const vendor of vendors) {
      const item = element(
        'li',
        vendor.paid ? 'avz-box__item avz-box__item--paid' : 'avz-box__item'
      )
      if (vendor.paid) item.appendChild(element('span', 'avz-label', texts.label))
      const profile = `${PROFILE_PATH}${encodeURIComponent(vendor.slug)}?from=${encodeURIComponent(topic)}`
      const href = safeUrl(vendor.url) ?? safeUrl(profile)
      item.appendChild(link(href, vendor.name, vendor.paid))
      item.appendChild(element('span', 'avz-box__place', `${vendor.postalCode} ${vendor.city}`))
      list.appendChild(item)
    }
    box.appendChild(list)
    return box
  }

  function renderAd(ad, topic, texts) {
    const slot = element('section', 'avz-ad')
    slot.appendChild(element('p', 'avz-label', texts.label))
    const href = ad ? safeUrl(ad.clickUrl) : null
    if (ad && href && ad.kind === 'image' && safeUrl(ad.imageUrl)) {
      const anchor = link(href, null, true)
      const image = element('img', 'avz-ad__image')
      image.src = safeUrl(ad.imageUrl)
      image.alt = ad.alt ?? ''
      anchor.appendChild(image)
      slot.appendChild(anchor)
    } else if (ad && href) {
      const headline = element('p', 'avz-ad__headline')
      headline.appendChild(link(href, ad.headline, true))
      slot.appendChild(headline)
      if (ad.body) slot.appendChild(element('p', 'avz-ad__body', ad.body))
    } else {
      slot.appendChild(element('p', 'avz-ad__headline', texts.houseHeadline))
      slot.appendChild(element('p', 'avz-ad__body', texts.houseBody))
      const book = safeUrl(`${ADVERTISE_PATH}?topic=${encodeURIComponent(topic)}`)
      slot.appendChild(link(book, texts.houseCta, false))
    }
    return slot
  }

  async function fill(host) {
    const topic = host.dataset.vendorBox
    if (!topic || host.dataset.vendorBoxState) return
    host.dataset.vendorBoxState = 'loading'
    const lang = host.dataset.lang === 'en' ? 'en' : 'de'
    const texts = TEXTS[lang]
    try {
      const url = new URL(PLACEMENTS_PATH, origin)
      url.searchParams.set('topic', topic)
      const response = await fetch(url, {
        credentials: 'omit',
        headers: { Accept: 'application/json' },
      })
      if (!response.ok) throw new Error(`${url} answered ${response.status}`)
      const { data } = await response.json()
      const wrapper = element('div', 'avz-embed')
      wrapper.lang = lang
      wrapper.appendChild(renderBox(data.vendors ?? [], topic, texts))
      wrapper.appendChild(renderAd(data.ad ?? null, topic, texts))
      host.replaceChildren(wrapper)
      host.dataset.vendorBoxState = 'done'
    } catch (error) {
      host.dataset.vendorBoxState = 'failed'
      console.warn('vendor box:', error)
    }
  }

  function start() {
    for (const host of document.querySelectorAll('[data-vendor-box]')) fill(host)
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true })
  } else {
    start()
  }
})()
