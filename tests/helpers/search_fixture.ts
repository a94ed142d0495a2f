import { TopicFactory } from '#database/factories/topic_factory'
import { createPostalCodes, createVendor } from '#tests/helpers/directory'

/** Coordinates as geo:import leaves them (the mean of each code's places). */
export const POSTAL_CODES = {
  '06217': { place: 'Merseburg', latitude: 51.3369, longitude: 11.961 },
  '06108': { place: 'Halle (Saale)', latitude: 51.483, longitude: 11.972 },
  '35398': { place: 'Gießen', latitude: 50.5833, longitude: 8.65 },
  '78467': { place: 'Konstanz', latitude: 47.6744, longitude: 9.1649 },
  '80331': { place: 'München', latitude: 48.1345, longitude: 11.571 },
  // A centre with no vendor of its own.
  '04109': { place: 'Leipzig', latitude: 51.342, longitude: 12.375 },
} as const

type Code = keyof typeof POSTAL_CODES

/**
 * The seed's four vendors, one fictitious one in München and a draft
 * that matches nearly everything but must never show.
 */
export async function createSearchFixture() {
  await createPostalCodes(Object.entries(POSTAL_CODES).map(([code, row]) => ({ code, ...row })))
  const [socialMedia, eGovernment, openData] = await TopicFactory.merge([
    { slug: 'social-media', name: 'Social Media', description: '', position: 1 },
    { slug: 'e-government', name: 'E-Government', description: '', position: 2 },
    { slug: 'open-data', name: 'Open Data', description: '', position: 3 },
  ]).createMany(3)

  const at = (code: Code) => ({
    postalCode: code,
    latitude: POSTAL_CODES[code].latitude,
    longitude: POSTAL_CODES[code].longitude,
  })

  const brain = await createVendor(
    {
      slug: 'brain-scc-gmbh',
      name: 'brain-SCC GmbH',
      city: 'Merseburg',
      state: 'Sachsen-Anhalt',
      website: 'https://www.brain-scc.de',
      description: 'Webportale für Kommunen.',
      ...at('06217'),
    },
    [socialMedia, eGovernment]
  )
  const seitenbau = await createVendor(
    {
      slug: 'seitenbau-gmbh',
      name: 'SEITENBAU GmbH',
      city: 'Konstanz',
      state: 'Baden-Württemberg',
      description: 'Software für die öffentliche Hand.',
      ...at('78467'),
    },
    [socialMedia]
  )
  const tsa = await createVendor(
    {
      slug: 'tsa-public-service-gmbh',
      name: 'TSA Public Service GmbH',
      city: 'Halle (Saale)',
      state: 'Sachsen-Anhalt',
      description: 'Beratung und Betrieb.',
      ...at('06108'),
    },
    [socialMedia, openData]
  )
  const ekom21 = await createVendor(
    {
      slug: 'ekom21-kgrz-hessen',
      name: 'ekom21 – KGRZ Hessen',
      city: 'Gießen',
      state: 'Hessen',
      description: 'Kommunales Gebietsrechenzentrum in Gießen.',
      ...at('35398'),
    },
    [socialMedia, eGovernment]
  )
  const munich = await createVendor(
    {
      slug: 'beispiel-verwaltungs-it-gmbh',
      name: 'Beispiel Verwaltungs-IT GmbH',
      city: 'München',
      state: 'Bayern',
      description: 'Fiktiver Demo-Anbieter.',
      ...at('80331'),
    },
    [eGovernment]
  )
  const draft = await createVendor(
    {
      slug: 'entwurf-giessen',
      name: 'Entwurf Gießen Social Media',
      city: 'Gießen',
      status: 'draft',
      description: 'Gießen München Merseburg',
      ...at('35398'),
    },
    [socialMedia, eGovernment, openData]
  )

  return {
    topics: { socialMedia, eGovernment, openData },
    vendors: { brain, seitenbau, tsa, ekom21, munich, draft },
  }
}
