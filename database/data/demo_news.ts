/**
 * Demo news items, modelled on the original portal page: its news item and
 * the five items listed under it ("Weitere Meldungen und Beiträge aus dem
 * Bereich Social Media"). Kicker, title, date, keywords, source links and
 * image credit are the page's; teasers and bodies are our own words.
 *
 * The page names keywords and sources only for its main item; the other
 * five carry the topic's keyword "Social Media" (our addition) so that the
 * keyword page lists them too. `node ace demo:seed` writes them
 * (database/seeders/demo_news.ts), once per slug.
 */
import type { SourceLink } from '#models/news_item'

export type DemoNewsItem = {
  slug: string
  kicker: string
  title: string
  /** YYYY-MM-DD */
  publishedOn: string
  teaser: string
  /** Markdown */
  body: string
  topics: string[]
  keywords: string[]
  sourceLinks: SourceLink[]
  imageCredit: string | null
}

/** The seed item: the news page of the original portal. */
export const DEMO_SEED_NEWS_SLUG = 'social-media-kommunen-unzureichend-vorbereitet'

export const demoNews: DemoNewsItem[] = [
  {
    slug: DEMO_SEED_NEWS_SLUG,
    kicker: 'Social Media:',
    title: 'Kommunen unzureichend vorbereitet?',
    publishedOn: '2012-03-09',
    teaser:
      'Viele Rathäuser wissen noch nicht, was soziale Netzwerke für Bürgerdialog und ' +
      'Verwaltungsalltag leisten können. Der kommunale Spitzenverband sieht vor allem ' +
      'Unklarheit.',
    body: [
      'Facebook, Twitter und Co. sind in vielen Städten und Gemeinden noch Neuland. ' +
        'Der Deutsche Städte- und Gemeindebund und die komba gewerkschaft haben sich ' +
        'darüber ausgetauscht, wie gut die Kommunen auf die neuen Kanäle eingestellt sind – ' +
        'und sehen erheblichen Nachholbedarf.',
      'Zwar gebe es bereits gelungene Beispiele, doch in der Breite fehlten Konzepte: ' +
        'Wer darf im Namen der Verwaltung posten, wie schnell muss geantwortet werden, ' +
        'und was geschieht mit Kritik, die öffentlich geäußert wird?',
      'Beide Verbände sprechen sich dafür aus, den Umgang mit sozialen Medien fest in ' +
        'die Aus- und Fortbildung des kommunalen Nachwuchses aufzunehmen. Nur so ließen ' +
        'sich die Chancen der Netzwerke nutzen und ihre Risiken beherrschen.',
    ].join('\n\n'),
    topics: ['social-media'],
    keywords: ['Social Media', 'Deutscher Städte- und Gemeindebund (DStGB)', 'komba gewerkschaft'],
    sourceLinks: [
      { title: 'www.dstgb.de', url: 'http://www.dstgb.de' },
      { title: 'www.komba.de', url: 'http://www.komba.de' },
    ],
    imageCredit: 'PEAK',
  },
  {
    slug: 'dresden-stadt-nutzt-threads-und-whatsapp',
    kicker: 'Dresden:',
    title: 'Stadt nutzt Threads und WhatsApp',
    publishedOn: '2024-02-06',
    teaser:
      'Die sächsische Landeshauptstadt ist mit zwei weiteren Diensten online: Neuigkeiten ' +
      'aus dem Rathaus gibt es jetzt auch über Threads und einen WhatsApp-Kanal.',
    body: [
      'Dresden erweitert seine Social-Media-Arbeit um zwei Kanäle. Auf Threads und in ' +
        'einem eigenen WhatsApp-Kanal informiert die Stadtverwaltung künftig über ' +
        'Termine, Baustellen und Angebote der Ämter.',
      'Ziel ist, Bürgerinnen und Bürger dort zu erreichen, wo sie ohnehin unterwegs ' +
        'sind. Die bisherigen Auftritte der Stadt bleiben bestehen.',
    ].join('\n\n'),
    topics: ['social-media'],
    keywords: ['Social Media'],
    sourceLinks: [],
    imageCredit: null,
  },
  {
    slug: 'frankfurt-a-m-mobilitaetsdezernat-startet-instagram-kanal',
    kicker: 'Frankfurt a.M.:',
    title: 'Mobilitätsdezernat startet Instagram-Kanal',
    publishedOn: '2024-01-24',
    teaser:
      'Unter dem Namen „Frankfurt mobil“ zeigt das Frankfurter Mobilitätsdezernat auf ' +
      'Instagram, woran es gerade arbeitet.',
    body: [
      'Radwege, Busspuren, Umbauten an Kreuzungen: Das Mobilitätsdezernat der Stadt ' +
        'Frankfurt am Main berichtet jetzt auf einem eigenen Instagram-Kanal über seine ' +
        'Projekte.',
      'Kurze Videos und Bilder sollen erklären, wie Planungen entstehen und wer dahinter ' +
        'steht – ein Einblick in die Arbeit, die sonst hinter den Kulissen bleibt.',
    ].join('\n\n'),
    topics: ['social-media'],
    keywords: ['Social Media'],
    sourceLinks: [],
    imageCredit: null,
  },
  {
    slug: 'eu-kommission-verfahren-gegen-x-eroeffnet',
    kicker: 'EU-Kommission:',
    title: 'Verfahren gegen X eröffnet',
    publishedOn: '2023-12-20',
    teaser:
      'Brüssel prüft, ob die Plattform X gegen den Digital Services Act verstößt. Im Fokus ' +
      'stehen der Umgang mit rechtswidrigen Inhalten und das Verifizierungshäkchen.',
    body: [
      'Die Europäische Kommission hat auf Grundlage des Gesetzes über digitale Dienste ' +
        '(DSA) ein förmliches Verfahren gegen X eingeleitet.',
      'Untersucht wird unter anderem, ob die Plattform genug gegen die Verbreitung ' +
        'rechtswidriger Inhalte unternimmt und ob das kostenpflichtige blaue Häkchen ' +
        'Nutzerinnen und Nutzer in die Irre führt.',
    ].join('\n\n'),
    topics: ['social-media'],
    keywords: ['Social Media'],
    sourceLinks: [],
    imageCredit: null,
  },
  {
    slug: 'pforzheim-abschied-von-x',
    kicker: 'Pforzheim:',
    title: 'Abschied von X',
    publishedOn: '2023-12-07',
    teaser:
      'Zu viel Hass, zu wenig Moderation: Pforzheim löscht seinen Account auf X und ' +
      'setzt stattdessen auf Mastodon.',
    body: [
      'Die Stadt Pforzheim zieht sich von der Plattform X, dem früheren Twitter, zurück. ' +
        'Hetze und Falschinformationen hätten dort stark zugenommen, eine wirksame ' +
        'Moderation finde kaum noch statt.',
      'Ihre Mitteilungen veröffentlicht die Stadt künftig auf Mastodon, einem dezentralen ' +
        'Netzwerk.',
    ].join('\n\n'),
    topics: ['social-media'],
    keywords: ['Social Media'],
    sourceLinks: [],
    imageCredit: null,
  },
  {
    slug: 'hanau-keine-kommunikation-mehr-via-x',
    kicker: 'Hanau:',
    title: 'Keine Kommunikation mehr via X',
    publishedOn: '2023-11-27',
    teaser:
      'Hanau stellt seine Arbeit auf X ein. Die Stadt verweist auf den Zustand der ' +
      'Plattform und ihre unsichere Zukunft.',
    body: [
      'Die Stadt Hanau beendet ihre Öffentlichkeitsarbeit auf X, vormals Twitter. Seit dem ' +
        'Eigentümerwechsel habe sich die Plattform deutlich verschlechtert.',
      'Auch wie es mit X weitergehe, sei ungewiss. Die Stadt informiert weiter über ihre ' +
        'Website und andere Kanäle.',
    ].join('\n\n'),
    topics: ['social-media'],
    keywords: ['Social Media'],
    sourceLinks: [],
    imageCredit: null,
  },
]

/** Demo vendors that carry a keyword on their profile (slug → keywords). */
export const demoVendorKeywords: Record<string, string[]> = {
  'seitenbau-gmbh': ['Social Media'],
  'brain-scc-gmbh': ['Social Media'],
}
