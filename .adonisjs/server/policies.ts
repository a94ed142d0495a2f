export const policies = {
  AccountPolicy: () => import('#policies/account_policy'),
  EditorialPolicy: () => import('#policies/editorial_policy'),
  VendorPolicy: () => import('#policies/vendor_policy'),
}

