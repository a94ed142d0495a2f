import env from '#start/env'

/**
 * Booking rules and the seller on every invoice. The defaults describe a
 * demo operator; production sets the SELLER_* variables (README).
 */
const billingConfig = {
  /** Hours a booking request holds its share until an editor decides. */
  holdHours: env.get('BOOKING_HOLD_HOURS', 72),
  /** An approved booking may be cancelled by its advertiser up to this many days before its first week. */
  cancelDays: env.get('BOOKING_CANCEL_DAYS', 7),
  seller: {
    name: env.get('SELLER_NAME', 'Anbieterverzeichnis Demo GmbH'),
    street: env.get('SELLER_STREET', 'Musterstraße 1'),
    postalCode: env.get('SELLER_POSTAL_CODE', '10115'),
    city: env.get('SELLER_CITY', 'Berlin'),
    country: env.get('SELLER_COUNTRY', 'DE'),
    email: env.get('SELLER_EMAIL', 'rechnung@example.com'),
    /** XRechnung requires a seller contact telephone number (BR-DE-6). */
    phone: env.get('SELLER_PHONE', '+49 30 1234567'),
    vatId: env.get('SELLER_VAT_ID', 'DE123456789'),
    taxNumber: env.get('SELLER_TAX_NUMBER', '30/123/45678'),
    iban: env.get('SELLER_IBAN', 'DE02120300000000202051'),
    bic: env.get('SELLER_BIC', 'BYLADEM1001'),
  },
}

export type Seller = typeof billingConfig.seller

export default billingConfig
