// CGCS2000 3-degree Gauss-Kruger coordinates in the browser: the Krüger series of the transverse
// Mercator (what PROJ's etmerc/tmerc compute), scale 1 on the central meridian 3n°E of zone n,
// false easting 500 000 m (EPSG:4534-4554; with the zone prefixed, EPSG:4513-4533). Sub-millimetre
// within a zone, far below what the pointer display needs.
const A = 6378137.0;
const F = 1 / 298.257222101;
const N = F / (2 - F);
const E = Math.sqrt(F * (2 - F));
const A1 = (A / (1 + N)) * (1 + (N * N) / 4 + (N ** 4) / 64);
const ALPHA = [
  N / 2 - (2 / 3) * N ** 2 + (5 / 16) * N ** 3 + (41 / 180) * N ** 4,
  (13 / 48) * N ** 2 - (3 / 5) * N ** 3 + (557 / 1440) * N ** 4,
  (61 / 240) * N ** 3 - (103 / 140) * N ** 4,
  (49561 / 161280) * N ** 4,
];

/** The zone (25-45) whose strip holds a longitude; null outside the CGCS2000 3-degree zones. */
export function gkZone(lon) {
  const zone = Math.round(lon / 3);
  return zone >= 25 && zone <= 45 ? zone : null;
}

/**
 * Longitude/latitude (degrees) to {zone, epsg, easting, northing} in the zone's unprefixed
 * coordinates (EPSG:4534 + zone - 25); null outside the zones.
 */
export function toGaussKruger(lon, lat) {
  const zone = gkZone(lon);
  if (zone === null) {
    return null;
  }
  const phi = (lat * Math.PI) / 180;
  const lam = ((lon - zone * 3) * Math.PI) / 180;
  const sinPhi = Math.sin(phi);
  const t = Math.sinh(Math.atanh(sinPhi) - E * Math.atanh(E * sinPhi));
  const xi0 = Math.atan2(t, Math.cos(lam));
  const eta0 = Math.atanh(Math.sin(lam) / Math.sqrt(1 + t * t));
  let xi = xi0;
  let eta = eta0;
  for (let j = 1; j <= 4; j++) {
    xi += ALPHA[j - 1] * Math.sin(2 * j * xi0) * Math.cosh(2 * j * eta0);
    eta += ALPHA[j - 1] * Math.cos(2 * j * xi0) * Math.sinh(2 * j * eta0);
  }
  return {zone, epsg: 4534 + zone - 25, easting: 500000 + A1 * eta, northing: A1 * xi};
}
