/*
| Bouncer policies, registered so that Edge templates can use them by name
| (@can('VendorPolicy.edit', vendor)).
*/
export const policies = {
  AccountPolicy: () => import('#policies/account_policy'),
  VendorPolicy: () => import('#policies/vendor_policy'),
  EditorialPolicy: () => import('#policies/editorial_policy'),
}
