export const policies = {
  AccountPolicy: () => import('#policies/account_policy'),
  BookingPolicy: () => import('#policies/booking_policy'),
  EditorialPolicy: () => import('#policies/editorial_policy'),
  InvoicePolicy: () => import('#policies/invoice_policy'),
  NewsPolicy: () => import('#policies/news_policy'),
  SlotPolicy: () => import('#policies/slot_policy'),
  SubscriptionPolicy: () => import('#policies/subscription_policy'),
  VendorPolicy: () => import('#policies/vendor_policy'),
}

