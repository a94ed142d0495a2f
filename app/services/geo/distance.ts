/**
 * Great-circle geometry for the radius search. Pure functions: the search
 * service narrows candidates with `boundingBox` in SQL (indexed), then keeps
 * only those within `haversineKm` of the centre.
 */
export type Point = { latitude: number; longitude: number }
export type BoundingBox = { minLat: number; maxLat: number; minLon: number; maxLon: number }

/** Mean Earth radius (IUGG), in km. */
export const EARTH_RADIUS_KM = 6371.0088

const toRadians = (degrees: number) => (degrees * Math.PI) / 180

/** Distance between two points in km, along the Earth's surface. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = toRadians(b.latitude - a.latitude)
  const dLon = toRadians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * The smallest latitude/longitude box that holds every point within
 * `radiusKm` of `centre`. It may hold more (its corners), never less.
 * Near the poles, or where the box would cross the antimeridian, it
 * widens to every longitude rather than wrapping.
 */
export function boundingBox(centre: Point, radiusKm: number): BoundingBox {
  const latDelta = (radiusKm / EARTH_RADIUS_KM) * (180 / Math.PI)
  const minLat = Math.max(-90, centre.latitude - latDelta)
  const maxLat = Math.min(90, centre.latitude + latDelta)

  // A parallel's circles shrink with cos(latitude); use the widest point of the box.
  const widestLat = Math.max(Math.abs(minLat), Math.abs(maxLat))
  const cosLat = Math.cos(toRadians(widestLat))
  const lonDelta = cosLat > 1e-9 ? latDelta / cosLat : 360
  const minLon = centre.longitude - lonDelta
  const maxLon = centre.longitude + lonDelta
  if (lonDelta >= 180 || minLon < -180 || maxLon > 180) {
    return { minLat, maxLat, minLon: -180, maxLon: 180 }
  }
  return { minLat, maxLat, minLon, maxLon }
}

/** Whether a point lies inside a box (edges included). */
export function inBoundingBox(point: Point, box: BoundingBox): boolean {
  return (
    point.latitude >= box.minLat &&
    point.latitude <= box.maxLat &&
    point.longitude >= box.minLon &&
    point.longitude <= box.maxLon
  )
}
