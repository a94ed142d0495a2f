/**
 * The demo content as plain data; `node ace demo:seed` and `node ace db:seed`
 * write it (database/seeders/demo_seeder.ts).
 *
 * The first four vendors are the ones the original portal page shows, with
 * their postal code and city exactly as printed there. Every other vendor is
 * fictitious: "Beispiel", "Muster", "Demo" or "Exempla" in the name, web and
 * mail addresses under the reserved example domains. Their postal codes and
 * cities are real, so that PLZ and radius search have something to find.
 */
import type { VendorStatus } from '#models/vendor'
import { slugify } from '#services/slug'

export type DemoTopic = {
  slug: string
  name: string
  description: string
  position: number
}

export type DemoVendor = {
  slug: string
  name: string
  street: string | null
  postalCode: string
  city: string
  state: string
  phone: string | null
  email: string | null
  website: string | null
  /** Markdown */
  description: string
  status: VendorStatus
  topics: string[]
}

export const demoTopics: DemoTopic[] = [
  {
    slug: 'e-government',
    name: 'E-Government',
    description:
      'Anbieter von Lösungen für die digitale Verwaltung: Online-Dienste, Fachverfahren und Portale für Kommunen, Länder und Bund.',
    position: 1,
  },
  {
    slug: 'social-media',
    name: 'Social Media',
    description:
      'Agenturen und Dienstleister, die Verwaltungen bei Auftritten in sozialen Netzwerken, Redaktion und Community-Management unterstützen.',
    position: 2,
  },
  {
    slug: 'it-sicherheit',
    name: 'IT-Sicherheit',
    description:
      'Informationssicherheit für Behörden: Beratung, Penetrationstests, Notfallmanagement und Schulungen.',
    position: 3,
  },
  {
    slug: 'open-data',
    name: 'Open Data',
    description: 'Offene Verwaltungsdaten aufbereiten, veröffentlichen und nutzbar machen.',
    position: 4,
  },
  {
    slug: 'digitale-bildung',
    name: 'Digitale Bildung',
    description: 'Lernplattformen, Schul-IT und Fortbildungen für digitale Kompetenzen.',
    position: 5,
  },
  {
    slug: 'breitband',
    name: 'Breitband',
    description:
      'Planung, Förderberatung und Ausbau schneller Netze in Städten und ländlichen Räumen.',
    position: 6,
  },
  {
    slug: 'geodaten',
    name: 'Geodaten',
    description:
      'Geoinformationssysteme, Kartendienste und raumbezogene Fachdaten für die Verwaltung.',
    position: 7,
  },
  {
    slug: 'buergerservice',
    name: 'Bürgerservice',
    description: 'Terminvergabe, Bürgerportale und Servicekanäle rund um das Bürgeramt.',
    position: 8,
  },
  {
    slug: 'e-payment',
    name: 'E-Payment',
    description:
      'Bezahlverfahren für Online-Dienste der Verwaltung: Gebühren, Bußgelder und Abgaben.',
    position: 9,
  },
  {
    slug: 'dokumentenmanagement',
    name: 'Dokumentenmanagement',
    description: 'E-Akte, Vorgangsbearbeitung und revisionssichere Archivierung.',
    position: 10,
  },
]

/** The vendors shown on the original portal page that this directory grows out of. */
const seedVendors: DemoVendor[] = [
  {
    slug: 'brain-scc-gmbh',
    name: 'brain-SCC GmbH',
    street: null,
    postalCode: '06217',
    city: 'Merseburg',
    state: 'Sachsen-Anhalt',
    phone: null,
    email: null,
    website: 'https://www.brain-scc.de',
    description:
      'IT-Dienstleister für den öffentlichen Sektor mit Sitz in Merseburg.\n\n' +
      'Mehr über das Angebot erfahren Sie auf der [Website des Anbieters](https://www.brain-scc.de).',
    status: 'published',
    topics: ['social-media', 'e-government', 'geodaten'],
  },
  {
    slug: 'seitenbau-gmbh',
    name: 'SEITENBAU GmbH',
    street: null,
    postalCode: '78467',
    city: 'Konstanz',
    state: 'Baden-Württemberg',
    phone: null,
    email: null,
    website: 'https://www.seitenbau.com',
    description:
      'Softwareentwicklung und Online-Lösungen mit Sitz in Konstanz.\n\n' +
      'Mehr über das Angebot erfahren Sie auf der [Website des Anbieters](https://www.seitenbau.com).',
    status: 'published',
    topics: ['social-media', 'e-government', 'buergerservice'],
  },
  {
    slug: 'tsa-public-service-gmbh',
    name: 'TSA Public Service GmbH',
    street: null,
    postalCode: '06108',
    city: 'Halle (Saale)',
    state: 'Sachsen-Anhalt',
    phone: null,
    email: null,
    website: 'https://www.tsa.de',
    description:
      'Dienstleister für die öffentliche Verwaltung mit Sitz in Halle (Saale).\n\n' +
      'Mehr über das Angebot erfahren Sie auf der [Website des Anbieters](https://www.tsa.de).',
    status: 'published',
    topics: ['social-media', 'e-government'],
  },
  {
    slug: 'ekom21-kgrz-hessen',
    name: 'ekom21 – KGRZ Hessen',
    street: null,
    postalCode: '35398',
    city: 'Gießen',
    state: 'Hessen',
    phone: null,
    email: null,
    website: 'https://www.ekom21.de',
    description:
      'Kommunales IT-Dienstleistungszentrum in Hessen mit Sitz in Gießen.\n\n' +
      'Mehr über das Angebot erfahren Sie auf der [Website des Anbieters](https://www.ekom21.de).',
    status: 'published',
    topics: ['social-media', 'e-government', 'it-sicherheit'],
  },
]

type FictitiousVendor = Omit<DemoVendor, 'slug' | 'phone' | 'email' | 'website' | 'status'> & {
  status?: VendorStatus
  domain: 'example.com' | 'example.org' | 'example.net'
}

/** Clearly fictitious vendors, at least one in every state. */
const fictitiousVendors: FictitiousVendor[] = [
  {
    name: 'Beispiel Verwaltungs-IT GmbH',
    street: 'Musterstraße 1',
    postalCode: '10115',
    city: 'Berlin',
    state: 'Berlin',
    domain: 'example.com',
    topics: ['e-government', 'it-sicherheit', 'dokumentenmanagement'],
    description:
      'Die **Beispiel Verwaltungs-IT GmbH** ist ein erfundenes Unternehmen für diese Demo.\n\n' +
      'Angebot:\n\n- Fachverfahren für Bezirksämter\n- Betrieb von Online-Diensten nach dem OZG\n- Sicherheitskonzepte nach IT-Grundschutz',
  },
  {
    name: 'Muster Digitalagentur Nord',
    street: 'Beispielkai 12',
    postalCode: '20095',
    city: 'Hamburg',
    state: 'Hamburg',
    domain: 'example.org',
    topics: ['social-media', 'digitale-bildung'],
    description:
      'Fiktive Agentur für Social-Media-Redaktion im öffentlichen Dienst.\n\n' +
      'Wir betreuen Kanäle von Behörden, schulen Redaktionsteams und entwickeln *Netiquette*-Leitfäden.',
  },
  {
    name: 'Demo Hanse Datenwerk GmbH',
    street: 'Am Musterdeich 3',
    postalCode: '28195',
    city: 'Bremen',
    state: 'Bremen',
    domain: 'example.net',
    topics: ['open-data', 'geodaten'],
    description:
      'Ein erfundener Dienstleister für **offene Daten**: Datenkataloge, Schnittstellen und Visualisierungen.',
  },
  {
    name: 'Beispiel Bürgerportal München GmbH',
    street: 'Musterplatz 5',
    postalCode: '80331',
    city: 'München',
    state: 'Bayern',
    domain: 'example.com',
    topics: ['buergerservice', 'e-government', 'social-media'],
    description:
      'Fiktiver Anbieter von Bürgerportalen und Online-Terminvergabe.\n\n' +
      '- Terminbuchung fürs Bürgerbüro\n- Chat- und Social-Media-Kanäle für Anfragen\n- Barrierefreie Formulare',
  },
  {
    name: 'Muster Kommunalsoft Franken GmbH',
    street: 'Beispielgasse 8',
    postalCode: '90402',
    city: 'Nürnberg',
    state: 'Bayern',
    domain: 'example.org',
    topics: ['e-payment', 'dokumentenmanagement'],
    description:
      'Erfundener Hersteller von Software für Kassen- und Gebührenverfahren sowie die **E-Akte**.',
  },
  {
    name: 'Exempla Geoinformatik Würzburg',
    street: 'Mainufer 21',
    postalCode: '97070',
    city: 'Würzburg',
    state: 'Bayern',
    domain: 'example.net',
    topics: ['geodaten', 'open-data'],
    description: 'Fiktives Büro für GIS-Projekte, Bauleitplanung digital und WMS/WFS-Dienste.',
  },
  {
    name: 'Beispiel Medienwerkstatt Stuttgart',
    street: 'Musterweg 14',
    postalCode: '70173',
    city: 'Stuttgart',
    state: 'Baden-Württemberg',
    domain: 'example.com',
    topics: ['social-media', 'digitale-bildung'],
    description:
      'Eine erfundene Medienwerkstatt: Videos, Social-Media-Kampagnen und Workshops für Verwaltungen und Schulen.',
  },
  {
    name: 'Muster Schul-IT Heidelberg GmbH',
    street: 'Beispielstraße 2',
    postalCode: '69117',
    city: 'Heidelberg',
    state: 'Baden-Württemberg',
    domain: 'example.org',
    topics: ['digitale-bildung', 'breitband'],
    description: 'Fiktiver Dienstleister für Schulnetze, WLAN und Lernplattformen.',
  },
  {
    name: 'Demo Netzplan Südwest GmbH',
    street: 'Am Musterbach 9',
    postalCode: '79098',
    city: 'Freiburg im Breisgau',
    state: 'Baden-Württemberg',
    domain: 'example.net',
    topics: ['breitband'],
    description:
      'Erfundenes Planungsbüro für den **Glasfaserausbau** im ländlichen Raum, inklusive Förderberatung.',
  },
  {
    name: 'Beispiel Zahlungsdienste Rhein-Main GmbH',
    street: 'Musterallee 30',
    postalCode: '60311',
    city: 'Frankfurt am Main',
    state: 'Hessen',
    domain: 'example.com',
    topics: ['e-payment', 'buergerservice'],
    description: 'Fiktive Zahlungsplattform für Gebühren, Bußgelder und Parkausweise.',
  },
  {
    name: 'Muster Sicherheitslabor Wiesbaden',
    street: 'Beispielring 4',
    postalCode: '65183',
    city: 'Wiesbaden',
    state: 'Hessen',
    domain: 'example.org',
    topics: ['it-sicherheit'],
    description:
      'Ein erfundenes Labor für **Penetrationstests**, Notfallübungen und Awareness-Schulungen in Behörden.',
  },
  {
    name: 'Exempla Archivsysteme Kassel GmbH',
    street: 'Musterstraße 77',
    postalCode: '34117',
    city: 'Kassel',
    state: 'Hessen',
    domain: 'example.net',
    topics: ['dokumentenmanagement', 'e-government'],
    description:
      'Fiktiver Anbieter für E-Akte, Scan-Dienstleistungen und revisionssichere Archive.',
  },
  {
    name: 'Beispiel Kommunikation Hannover',
    street: 'Beispielplatz 6',
    postalCode: '30159',
    city: 'Hannover',
    state: 'Niedersachsen',
    domain: 'example.com',
    topics: ['social-media', 'buergerservice'],
    description:
      'Erfundene Agentur für Bürgerkommunikation: Social Media, Newsletter und Beteiligungsplattformen.',
  },
  {
    name: 'Muster Datenportal Göttingen GmbH',
    street: 'Musterwall 11',
    postalCode: '37073',
    city: 'Göttingen',
    state: 'Niedersachsen',
    domain: 'example.org',
    topics: ['open-data', 'digitale-bildung'],
    description: 'Fiktiver Betreiber von Open-Data-Portalen für Städte und Hochschulen.',
  },
  {
    name: 'Demo Glasfaserplanung Oldenburg',
    street: 'Am Beispielhafen 2',
    postalCode: '26122',
    city: 'Oldenburg',
    state: 'Niedersachsen',
    domain: 'example.net',
    topics: ['breitband', 'geodaten'],
    description: 'Erfundenes Ingenieurbüro für Trassenplanung und Breitbandatlanten.',
  },
  {
    name: 'Beispiel Ratsinformation Köln GmbH',
    street: 'Musterstraße 18',
    postalCode: '50667',
    city: 'Köln',
    state: 'Nordrhein-Westfalen',
    domain: 'example.com',
    topics: ['e-government', 'dokumentenmanagement', 'open-data'],
    description: 'Fiktiver Hersteller von Ratsinformationssystemen und Sitzungsmanagement.',
  },
  {
    name: 'Muster Social-Media-Redaktion Düsseldorf',
    street: 'Beispielufer 1',
    postalCode: '40213',
    city: 'Düsseldorf',
    state: 'Nordrhein-Westfalen',
    domain: 'example.org',
    topics: ['social-media'],
    description:
      'Eine erfundene Redaktion, die Behördenkanäle auf Instagram, Mastodon und YouTube betreut.',
  },
  {
    name: 'Demo Cyberabwehr Ruhr GmbH',
    street: 'Musterzeche 5',
    postalCode: '44135',
    city: 'Dortmund',
    state: 'Nordrhein-Westfalen',
    domain: 'example.net',
    topics: ['it-sicherheit'],
    description:
      'Fiktives Sicherheitsteam: Incident Response, Schwachstellenscans und ISMS-Aufbau.',
  },
  {
    name: 'Exempla Lernplattformen Münster',
    street: 'Beispielweg 23',
    postalCode: '48143',
    city: 'Münster',
    state: 'Nordrhein-Westfalen',
    domain: 'example.com',
    topics: ['digitale-bildung'],
    description: 'Erfundener Anbieter von Lernplattformen und E-Learning für Verwaltungsschulen.',
  },
  {
    name: 'Beispiel Elbtal Verwaltungsdienste GmbH',
    street: 'Musterstraße 40',
    postalCode: '01067',
    city: 'Dresden',
    state: 'Sachsen',
    domain: 'example.org',
    topics: ['e-government', 'buergerservice'],
    description: 'Fiktiver Dienstleister für Online-Anträge und Servicekonten.',
  },
  {
    name: 'Muster Messenger Leipzig',
    street: 'Beispielpassage 7',
    postalCode: '04109',
    city: 'Leipzig',
    state: 'Sachsen',
    domain: 'example.net',
    topics: ['social-media', 'buergerservice'],
    description: 'Erfundenes Start-up für Bürger-Chatbots und Messenger-Kanäle von Kommunen.',
  },
  {
    name: 'Demo Geodatenhaus Magdeburg GmbH',
    street: 'Am Musterdom 2',
    postalCode: '39104',
    city: 'Magdeburg',
    state: 'Sachsen-Anhalt',
    domain: 'example.com',
    topics: ['geodaten', 'open-data'],
    description: 'Fiktiver Anbieter für Geodateninfrastrukturen und digitale Liegenschaftskarten.',
  },
  {
    name: 'Beispiel Thüringer Portaldienste',
    street: 'Beispielanger 10',
    postalCode: '99084',
    city: 'Erfurt',
    state: 'Thüringen',
    domain: 'example.org',
    topics: ['e-government', 'e-payment'],
    description: 'Erfundener Betreiber von Verwaltungsportalen mit integrierter Bezahlfunktion.',
  },
  {
    name: 'Muster Campus-IT Jena',
    street: 'Musterhof 3',
    postalCode: '07743',
    city: 'Jena',
    state: 'Thüringen',
    domain: 'example.net',
    topics: ['digitale-bildung', 'it-sicherheit'],
    description: 'Fiktiver IT-Dienstleister für Hochschulen und Schulträger.',
  },
  {
    name: 'Exempla Havel Digital GmbH',
    street: 'Beispielstraße 15',
    postalCode: '14467',
    city: 'Potsdam',
    state: 'Brandenburg',
    domain: 'example.com',
    topics: ['social-media', 'open-data'],
    description: 'Erfundene Digitalagentur für Social Media, Datenjournalismus und Dashboards.',
  },
  {
    name: 'Demo Lausitz Breitband GmbH',
    street: 'Musterdamm 6',
    postalCode: '03046',
    city: 'Cottbus',
    state: 'Brandenburg',
    domain: 'example.org',
    status: 'draft',
    topics: ['breitband'],
    description: 'Ein fiktiver Entwurf: Dieser Eintrag ist noch nicht veröffentlicht.',
  },
  {
    name: 'Beispiel Ostsee Verwaltungsnetz GmbH',
    street: 'Am Beispielhafen 19',
    postalCode: '18055',
    city: 'Rostock',
    state: 'Mecklenburg-Vorpommern',
    domain: 'example.net',
    topics: ['it-sicherheit', 'breitband'],
    description: 'Erfundener Netzbetreiber für Landes- und Kommunalverwaltungen.',
  },
  {
    name: 'Muster Landesformulare Schwerin',
    street: 'Musterstraße 2',
    postalCode: '19053',
    city: 'Schwerin',
    state: 'Mecklenburg-Vorpommern',
    domain: 'example.com',
    topics: ['buergerservice', 'dokumentenmanagement'],
    description: 'Fiktiver Anbieter von Formular-Servern und Antragsassistenten.',
  },
  {
    name: 'Beispiel Förde Kommunal-IT GmbH',
    street: 'Beispielkai 8',
    postalCode: '24103',
    city: 'Kiel',
    state: 'Schleswig-Holstein',
    domain: 'example.org',
    topics: ['e-government', 'it-sicherheit'],
    description: 'Erfundenes Rechenzentrum für Kommunen an der Förde.',
  },
  {
    name: 'Demo Hansestadt Medienbüro Lübeck',
    street: 'Mustergang 4',
    postalCode: '23552',
    city: 'Lübeck',
    state: 'Schleswig-Holstein',
    domain: 'example.net',
    status: 'pending',
    topics: ['social-media'],
    description: 'Ein fiktiver Eintrag, der noch auf die Prüfung durch die Redaktion wartet.',
  },
  {
    name: 'Exempla Rheinhessen Datenwerk',
    street: 'Beispielstraße 50',
    postalCode: '55116',
    city: 'Mainz',
    state: 'Rheinland-Pfalz',
    domain: 'example.com',
    topics: ['open-data', 'e-payment'],
    description: 'Erfundener Dienstleister für Datenplattformen und Zahlungsschnittstellen.',
  },
  {
    name: 'Muster Moselsoft Trier',
    street: 'Musterufer 12',
    postalCode: '54290',
    city: 'Trier',
    state: 'Rheinland-Pfalz',
    domain: 'example.org',
    status: 'draft',
    topics: ['dokumentenmanagement'],
    description: 'Ein fiktiver Entwurf, noch nicht veröffentlicht.',
  },
  {
    name: 'Beispiel Saar Bürgerdienste GmbH',
    street: 'Musterplatz 1',
    postalCode: '66111',
    city: 'Saarbrücken',
    state: 'Saarland',
    domain: 'example.net',
    topics: ['buergerservice', 'e-payment', 'social-media'],
    description:
      'Erfundener Anbieter für Bürgerservice-Center, Online-Bezahlung und Social-Media-Support.',
  },
]

export const demoVendors: DemoVendor[] = [
  ...seedVendors,
  ...fictitiousVendors.map(({ domain, status, ...vendor }) => {
    const slug = slugify(vendor.name)
    return {
      ...vendor,
      slug,
      phone: null,
      email: `${slug}@${domain}`,
      website: `https://${slug}.${domain}`,
      status: status ?? ('published' as const),
    }
  }),
]
