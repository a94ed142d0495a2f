/**
 * The demo inventory as plain data: every demo topic page gets one slot of
 * each kind (database/seeders/demo_seeder.ts writes them).
 */
import type { SlotPosition } from '#models/slot'

export type DemoSlot = {
  position: SlotPosition
  /** Image ads only */
  format: string | null
  capacity: number
  /** Net, per share and week */
  priceCents: number
}

export const demoSlots: DemoSlot[] = [
  // The "Anzeige" place in the sidebar: three advertisers share a week.
  { position: 'sidebar', format: '300x250', capacity: 3, priceCents: 19_000 },
  // Paid places in "Ausgewählte Anbieter": two of the box's four.
  { position: 'vendor_box', format: null, capacity: 2, priceCents: 12_000 },
]
