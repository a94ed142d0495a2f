/**
 * Whether a booking has delivered its impression cap. The placement asks
 * it for every capped booking on every view, so it must answer from memory.
 *
 * This default never reports a cap as reached. Impression counting binds
 * its own subclass in the container (`container.singleton(DeliveredCounts, …)`),
 * which knows the delivered counts; the placement needs no change for it.
 */
export class DeliveredCounts {
  /** `cap` is the booking's impression cap (never null when asked). */
  reached(_bookingId: number, _cap: number): boolean {
    return false
  }
}
