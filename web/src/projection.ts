/**
 * World map projection and SVG paths for GeoJSON, written for this UI so the map needs
 * no mapping library and no tile server. The projection is Natural Earth I (Šavrič,
 * Jenny, Patterson & Jenny 2011), a polynomial pseudo-cylindrical projection: it keeps
 * the poles short and the shapes familiar, and is as cheap as equirectangular. Pure.
 */
import type { Geometry, Position } from 'geojson';

const DEG = Math.PI / 180;

/** Unscaled Natural Earth I: longitude, latitude in degrees → x, y (y up, radians scale). */
export function naturalEarth(lon: number, lat: number): [number, number] {
  const l = lon * DEG;
  const p = lat * DEG;
  const p2 = p * p;
  const p4 = p2 * p2;
  const x = l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  const y = p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
  return [x, y];
}

/** Extent of the projected world: x at the equator for ±180°, y at the poles. */
const X_MAX = naturalEarth(180, 0)[0];
const Y_MAX = naturalEarth(0, 90)[1];

export interface Projector {
  (lon: number, lat: number): [number, number];
  width: number;
  height: number;
}

/** Fit the whole world into `width` (height follows the projection's aspect), y down. */
export function fitWorld(width: number, padding = 4): Projector {
  const scale = (width - 2 * padding) / (2 * X_MAX);
  const height = Math.ceil(2 * Y_MAX * scale + 2 * padding);
  const project = ((lon: number, lat: number) => {
    const [x, y] = naturalEarth(lon, lat);
    return [padding + (x + X_MAX) * scale, padding + (Y_MAX - y) * scale];
  }) as Projector;
  project.width = width;
  project.height = height;
  return project;
}

function ringPath(ring: readonly Position[], project: Projector, shift: number, closed: boolean): string {
  let d = '';
  for (const pos of ring) {
    const lon = pos[0];
    const lat = pos[1];
    if (lon === undefined || lat === undefined) continue;
    const [x, y] = project(lon + shift, lat);
    d += `${d === '' ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }
  return d !== '' && closed ? `${d}Z` : d;
}

/**
 * Rings that cross the antimeridian (Russia's Chukotka, Fiji) come with a jump of 360°
 * between two neighbouring points. Unwrapping makes them continuous, running past
 * ±180°; the caller draws them twice (as they are and a world to the side) and clips
 * the map to the world's outline, which cuts them exactly at the antimeridian. A ring
 * with an odd number of jumps goes round a pole (Antarctica): its jump runs along the
 * pole line, which Natural Earth draws as a straight edge, so it is drawn as it is.
 */
function unwrap(ring: readonly Position[]): Position[] {
  let jumps = 0;
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs((ring[i]?.[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)) > 180) jumps++;
  }
  if (jumps === 0 || jumps % 2 === 1) return ring as Position[];
  const out: Position[] = [];
  let offset = 0;
  let prev: number | null = null;
  for (const pos of ring) {
    const lon = pos[0] ?? 0;
    if (prev !== null) {
      const d = lon + offset - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    const adjusted = lon + offset;
    out.push([adjusted, pos[1] ?? 0]);
    prev = adjusted;
  }
  return out;
}

function polygonPath(rings: readonly Position[][], project: Projector): string {
  const unwrapped = rings.map(unwrap);
  let min = Infinity;
  let max = -Infinity;
  for (const ring of unwrapped) for (const pos of ring) {
    min = Math.min(min, pos[0] ?? 0);
    max = Math.max(max, pos[0] ?? 0);
  }
  const shifts = [0];
  if (max > 180) shifts.push(-360);
  if (min < -180) shifts.push(360);
  return shifts.map((shift) => unwrapped.map((r) => ringPath(r, project, shift, true)).join('')).join('');
}

/**
 * SVG path data for a GeoJSON geometry ("" for points and empty geometries). Draw it
 * clipped to worldOutline(): antimeridian-crossing polygons spill past the edge.
 */
export function geoPath(geometry: Geometry | null, project: Projector): string {
  if (!geometry) return '';
  switch (geometry.type) {
    case 'Polygon':
      return polygonPath(geometry.coordinates, project);
    case 'MultiPolygon':
      return geometry.coordinates.map((poly) => polygonPath(poly, project)).join('');
    case 'LineString':
      return ringPath(geometry.coordinates, project, 0, false);
    case 'MultiLineString':
      return geometry.coordinates.map((r) => ringPath(r, project, 0, false)).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => geoPath(g, project)).join('');
    default:
      return '';
  }
}

/** The graticule's outline: the edge of the projected world, as one closed path. */
export function worldOutline(project: Projector, step = 2): string {
  const pts: Array<[number, number]> = [];
  for (let lat = -90; lat <= 90; lat += step) pts.push(project(180, lat));
  for (let lat = 90; lat >= -90; lat -= step) pts.push(project(-180, lat));
  return `${pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('')}Z`;
}
