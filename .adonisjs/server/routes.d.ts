import '@adonisjs/core/types/http'

type ParamValue = string | number | bigint | boolean

export type ScannedRoutes = {
  ALL: {
    'auth.signup': { paramsTuple?: []; params?: {} }
    'auth.signup.store': { paramsTuple?: []; params?: {} }
    'auth.login': { paramsTuple?: []; params?: {} }
    'auth.login.store': { paramsTuple?: []; params?: {} }
    'auth.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auth.password.forgot': { paramsTuple?: []; params?: {} }
    'auth.password.email': { paramsTuple?: []; params?: {} }
    'auth.password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'auth.password.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'auth.logout': { paramsTuple?: []; params?: {} }
    'account.sessions.revoke': { paramsTuple?: []; params?: {} }
    'account.home': { paramsTuple?: []; params?: {} }
    'account.update': { paramsTuple?: []; params?: {} }
    'account.password.update': { paramsTuple?: []; params?: {} }
    'account.verification.resend': { paramsTuple?: []; params?: {} }
    'account.export': { paramsTuple?: []; params?: {} }
    'account.delete': { paramsTuple?: []; params?: {} }
    'api.v1.auth.tokens.store': { paramsTuple?: []; params?: {} }
    'api.v1.auth.tokens.destroy': { paramsTuple?: []; params?: {} }
    'api.v1.me': { paramsTuple?: []; params?: {} }
    'dev.mailbox.index': { paramsTuple?: []; params?: {} }
    'dev.mailbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.index': { paramsTuple?: []; params?: {} }
    'account.vendors.create': { paramsTuple?: []; params?: {} }
    'account.vendors.store': { paramsTuple?: []; params?: {} }
    'account.vendors.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.logo.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.logo.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.revisions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'revisionId': ParamValue} }
    'account.vendors.invitations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'account.invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.invitations.accept': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.claims.create': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'account.claims.store': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.vendors.update': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'editorial.queue': { paramsTuple?: []; params?: {} }
    'editorial.vendors.index': { paramsTuple?: []; params?: {} }
    'editorial.vendors.export': { paramsTuple?: []; params?: {} }
    'editorial.vendors.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.unpublish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.grant': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.refuse': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.index': { paramsTuple?: []; params?: {} }
    'editorial.topics.store': { paramsTuple?: []; params?: {} }
    'editorial.topics.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.index': { paramsTuple?: []; params?: {} }
    'editorial.users.role': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.audit': { paramsTuple?: []; params?: {} }
    'editorial.slots.index': { paramsTuple?: []; params?: {} }
    'editorial.slots.create': { paramsTuple?: []; params?: {} }
    'editorial.slots.store': { paramsTuple?: []; params?: {} }
    'editorial.slots.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.activate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.deactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.occupancy': { paramsTuple?: []; params?: {} }
    'editorial.slots.occupancy_csv': { paramsTuple?: []; params?: {} }
    'api.v1.editorial.queue': { paramsTuple?: []; params?: {} }
    'api.v1.editorial.revisions.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.editorial.revisions.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.bookings.index': { paramsTuple?: []; params?: {} }
    'api.v1.bookings.store': { paramsTuple?: []; params?: {} }
    'api.v1.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.bookings.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.bookings.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.editorial.bookings.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.editorial.bookings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'advertise': { paramsTuple?: []; params?: {} }
    'advertise.quote': { paramsTuple?: []; params?: {} }
    'account.billing.edit': { paramsTuple?: []; params?: {} }
    'account.billing.update': { paramsTuple?: []; params?: {} }
    'account.bookings.index': { paramsTuple?: []; params?: {} }
    'account.bookings.create': { paramsTuple?: []; params?: {} }
    'account.bookings.store': { paramsTuple?: []; params?: {} }
    'account.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.confirmation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.stats_csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.index': { paramsTuple?: []; params?: {} }
    'editorial.news.create': { paramsTuple?: []; params?: {} }
    'editorial.news.store': { paramsTuple?: []; params?: {} }
    'editorial.news.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.unpublish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.vendor_keywords': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.press_releases.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.press_releases.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'embeds.script': { paramsTuple?: []; params?: {} }
    'embeds.vendor_box': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'embeds.slot': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.create': { paramsTuple?: []; params?: {} }
    'subscriptions.store': { paramsTuple?: []; params?: {} }
    'subscriptions.sent': { paramsTuple?: []; params?: {} }
    'subscriptions.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.confirm.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.unsubscribe.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.manage': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.invoices.index': { paramsTuple?: []; params?: {} }
    'account.invoices.download': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'format': ParamValue} }
    'editorial.invoices.index': { paramsTuple?: []; params?: {} }
    'editorial.invoices.export': { paramsTuple?: []; params?: {} }
    'editorial.invoices.download': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'format': ParamValue} }
    'api.v1.invoices.index': { paramsTuple?: []; params?: {} }
    'api.v1.invoices.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'ping': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'topics.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'vendors.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'search': { paramsTuple?: []; params?: {} }
    'topics.news': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.pdf': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.print': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'keywords.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'drive.fs.serve': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'legal.imprint': { paramsTuple?: []; params?: {} }
    'legal.privacy': { paramsTuple?: []; params?: {} }
    'clicks.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'api.v1.topics.index': { paramsTuple?: []; params?: {} }
    'api.v1.topics.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.placements.show': { paramsTuple?: []; params?: {} }
    'api.v1.vendors.index': { paramsTuple?: []; params?: {} }
    'api.v1.vendors.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.news.index': { paramsTuple?: []; params?: {} }
    'api.v1.news.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.subscriptions.store': { paramsTuple?: []; params?: {} }
    'api.v1.slots.index': { paramsTuple?: []; params?: {} }
    'api.v1.slots.availability': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  GET: {
    'auth.signup': { paramsTuple?: []; params?: {} }
    'auth.login': { paramsTuple?: []; params?: {} }
    'auth.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auth.password.forgot': { paramsTuple?: []; params?: {} }
    'auth.password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.home': { paramsTuple?: []; params?: {} }
    'account.export': { paramsTuple?: []; params?: {} }
    'api.v1.me': { paramsTuple?: []; params?: {} }
    'dev.mailbox.index': { paramsTuple?: []; params?: {} }
    'dev.mailbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.index': { paramsTuple?: []; params?: {} }
    'account.vendors.create': { paramsTuple?: []; params?: {} }
    'account.vendors.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.revisions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'revisionId': ParamValue} }
    'account.invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.claims.create': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'editorial.queue': { paramsTuple?: []; params?: {} }
    'editorial.vendors.index': { paramsTuple?: []; params?: {} }
    'editorial.vendors.export': { paramsTuple?: []; params?: {} }
    'editorial.vendors.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.index': { paramsTuple?: []; params?: {} }
    'editorial.topics.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.index': { paramsTuple?: []; params?: {} }
    'editorial.audit': { paramsTuple?: []; params?: {} }
    'editorial.slots.index': { paramsTuple?: []; params?: {} }
    'editorial.slots.create': { paramsTuple?: []; params?: {} }
    'editorial.slots.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.occupancy': { paramsTuple?: []; params?: {} }
    'editorial.slots.occupancy_csv': { paramsTuple?: []; params?: {} }
    'api.v1.editorial.queue': { paramsTuple?: []; params?: {} }
    'api.v1.bookings.index': { paramsTuple?: []; params?: {} }
    'api.v1.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.bookings.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'advertise': { paramsTuple?: []; params?: {} }
    'advertise.quote': { paramsTuple?: []; params?: {} }
    'account.billing.edit': { paramsTuple?: []; params?: {} }
    'account.bookings.index': { paramsTuple?: []; params?: {} }
    'account.bookings.create': { paramsTuple?: []; params?: {} }
    'account.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.confirmation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.stats_csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.index': { paramsTuple?: []; params?: {} }
    'editorial.news.create': { paramsTuple?: []; params?: {} }
    'editorial.news.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.press_releases.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'embeds.script': { paramsTuple?: []; params?: {} }
    'embeds.vendor_box': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'embeds.slot': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.create': { paramsTuple?: []; params?: {} }
    'subscriptions.sent': { paramsTuple?: []; params?: {} }
    'subscriptions.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.manage': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.invoices.index': { paramsTuple?: []; params?: {} }
    'account.invoices.download': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'format': ParamValue} }
    'editorial.invoices.index': { paramsTuple?: []; params?: {} }
    'editorial.invoices.export': { paramsTuple?: []; params?: {} }
    'editorial.invoices.download': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'format': ParamValue} }
    'api.v1.invoices.index': { paramsTuple?: []; params?: {} }
    'api.v1.invoices.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'ping': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'topics.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'vendors.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'search': { paramsTuple?: []; params?: {} }
    'topics.news': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.pdf': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.print': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'keywords.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'drive.fs.serve': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'legal.imprint': { paramsTuple?: []; params?: {} }
    'legal.privacy': { paramsTuple?: []; params?: {} }
    'clicks.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'api.v1.topics.index': { paramsTuple?: []; params?: {} }
    'api.v1.topics.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.placements.show': { paramsTuple?: []; params?: {} }
    'api.v1.vendors.index': { paramsTuple?: []; params?: {} }
    'api.v1.vendors.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.news.index': { paramsTuple?: []; params?: {} }
    'api.v1.news.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.slots.index': { paramsTuple?: []; params?: {} }
    'api.v1.slots.availability': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  HEAD: {
    'auth.signup': { paramsTuple?: []; params?: {} }
    'auth.login': { paramsTuple?: []; params?: {} }
    'auth.verify': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'auth.password.forgot': { paramsTuple?: []; params?: {} }
    'auth.password.reset': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.home': { paramsTuple?: []; params?: {} }
    'account.export': { paramsTuple?: []; params?: {} }
    'api.v1.me': { paramsTuple?: []; params?: {} }
    'dev.mailbox.index': { paramsTuple?: []; params?: {} }
    'dev.mailbox.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.index': { paramsTuple?: []; params?: {} }
    'account.vendors.create': { paramsTuple?: []; params?: {} }
    'account.vendors.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.revisions.show': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'revisionId': ParamValue} }
    'account.invitations.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.claims.create': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'editorial.queue': { paramsTuple?: []; params?: {} }
    'editorial.vendors.index': { paramsTuple?: []; params?: {} }
    'editorial.vendors.export': { paramsTuple?: []; params?: {} }
    'editorial.vendors.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.preview': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.index': { paramsTuple?: []; params?: {} }
    'editorial.topics.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.index': { paramsTuple?: []; params?: {} }
    'editorial.audit': { paramsTuple?: []; params?: {} }
    'editorial.slots.index': { paramsTuple?: []; params?: {} }
    'editorial.slots.create': { paramsTuple?: []; params?: {} }
    'editorial.slots.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.occupancy': { paramsTuple?: []; params?: {} }
    'editorial.slots.occupancy_csv': { paramsTuple?: []; params?: {} }
    'api.v1.editorial.queue': { paramsTuple?: []; params?: {} }
    'api.v1.bookings.index': { paramsTuple?: []; params?: {} }
    'api.v1.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.bookings.stats': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'advertise': { paramsTuple?: []; params?: {} }
    'advertise.quote': { paramsTuple?: []; params?: {} }
    'account.billing.edit': { paramsTuple?: []; params?: {} }
    'account.bookings.index': { paramsTuple?: []; params?: {} }
    'account.bookings.create': { paramsTuple?: []; params?: {} }
    'account.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.confirmation': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.bookings.stats_csv': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.show': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.index': { paramsTuple?: []; params?: {} }
    'editorial.news.create': { paramsTuple?: []; params?: {} }
    'editorial.news.edit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.press_releases.create': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'embeds.script': { paramsTuple?: []; params?: {} }
    'embeds.vendor_box': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'embeds.slot': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.create': { paramsTuple?: []; params?: {} }
    'subscriptions.sent': { paramsTuple?: []; params?: {} }
    'subscriptions.confirm': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.unsubscribe': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.manage': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.invoices.index': { paramsTuple?: []; params?: {} }
    'account.invoices.download': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'format': ParamValue} }
    'editorial.invoices.index': { paramsTuple?: []; params?: {} }
    'editorial.invoices.export': { paramsTuple?: []; params?: {} }
    'editorial.invoices.download': { paramsTuple: [ParamValue,ParamValue]; params: {'number': ParamValue,'format': ParamValue} }
    'api.v1.invoices.index': { paramsTuple?: []; params?: {} }
    'api.v1.invoices.show': { paramsTuple: [ParamValue]; params: {'number': ParamValue} }
    'ping': { paramsTuple?: []; params?: {} }
    'health': { paramsTuple?: []; params?: {} }
    'home': { paramsTuple?: []; params?: {} }
    'topics.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'vendors.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'search': { paramsTuple?: []; params?: {} }
    'topics.news': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.pdf': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.print': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'news.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'keywords.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'sitemap': { paramsTuple?: []; params?: {} }
    'robots': { paramsTuple?: []; params?: {} }
    'drive.fs.serve': { paramsTuple: [...ParamValue[]]; params: {'*': ParamValue[]} }
    'legal.imprint': { paramsTuple?: []; params?: {} }
    'legal.privacy': { paramsTuple?: []; params?: {} }
    'clicks.show': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'api.v1.topics.index': { paramsTuple?: []; params?: {} }
    'api.v1.topics.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.placements.show': { paramsTuple?: []; params?: {} }
    'api.v1.vendors.index': { paramsTuple?: []; params?: {} }
    'api.v1.vendors.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.news.index': { paramsTuple?: []; params?: {} }
    'api.v1.news.show': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'api.v1.slots.index': { paramsTuple?: []; params?: {} }
    'api.v1.slots.availability': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  POST: {
    'auth.signup.store': { paramsTuple?: []; params?: {} }
    'auth.login.store': { paramsTuple?: []; params?: {} }
    'auth.password.email': { paramsTuple?: []; params?: {} }
    'auth.password.update': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'auth.logout': { paramsTuple?: []; params?: {} }
    'account.sessions.revoke': { paramsTuple?: []; params?: {} }
    'account.update': { paramsTuple?: []; params?: {} }
    'account.password.update': { paramsTuple?: []; params?: {} }
    'account.verification.resend': { paramsTuple?: []; params?: {} }
    'account.delete': { paramsTuple?: []; params?: {} }
    'api.v1.auth.tokens.store': { paramsTuple?: []; params?: {} }
    'account.vendors.store': { paramsTuple?: []; params?: {} }
    'account.vendors.submit': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.logo.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.invitations.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.invitations.accept': { paramsTuple: [ParamValue]; params: {'token': ParamValue} }
    'account.claims.store': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
    'editorial.vendors.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.unpublish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.vendors.archive': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.revisions.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.grant': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.claims.refuse': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.store': { paramsTuple?: []; params?: {} }
    'editorial.topics.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.topics.move': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.role': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.disable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.users.enable': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.store': { paramsTuple?: []; params?: {} }
    'editorial.slots.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.activate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.slots.deactivate': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.editorial.revisions.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.editorial.revisions.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.bookings.store': { paramsTuple?: []; params?: {} }
    'api.v1.editorial.bookings.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.editorial.bookings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.billing.update': { paramsTuple?: []; params?: {} }
    'account.bookings.store': { paramsTuple?: []; params?: {} }
    'account.bookings.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.approve': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.bookings.cancel': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.store': { paramsTuple?: []; params?: {} }
    'editorial.news.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.publish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.unpublish': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.reject': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'editorial.news.vendor_keywords': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.press_releases.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.store': { paramsTuple?: []; params?: {} }
    'subscriptions.confirm.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.unsubscribe.store': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'subscriptions.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'api.v1.subscriptions.store': { paramsTuple?: []; params?: {} }
  }
  DELETE: {
    'api.v1.auth.tokens.destroy': { paramsTuple?: []; params?: {} }
    'account.vendors.logo.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
    'account.vendors.members.destroy': { paramsTuple: [ParamValue,ParamValue]; params: {'id': ParamValue,'memberId': ParamValue} }
    'api.v1.bookings.destroy': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PUT: {
    'account.vendors.update': { paramsTuple: [ParamValue]; params: {'id': ParamValue} }
  }
  PATCH: {
    'api.v1.vendors.update': { paramsTuple: [ParamValue]; params: {'slug': ParamValue} }
  }
}
declare module '@adonisjs/core/types/http' {
  export interface RoutesList extends ScannedRoutes {}
}