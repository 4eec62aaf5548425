/** Web Mercator maths for a tile map: world pixels, a zoom that fits points, the tiles a view needs. */
export const TILE = 256;

export function worldPixel({ lat, lng }, zoom) {
  const scale = TILE * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((lng + 180) / 360) * scale,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale,
  };
}

/** The highest zoom (within bounds) at which every point lies inside a `width`×`height` view around `center`. */
export function fitZoom(center, points, { width, height, margin = 24, minZoom = 9, maxZoom = 16 }) {
  const origin = worldPixel(center, 0);
  let reach = 0;
  for (const point of points) {
    const p = worldPixel(point, 0);
    reach = Math.max(reach, Math.abs(p.x - origin.x) / (width / 2 - margin), Math.abs(p.y - origin.y) / (height / 2 - margin));
  }
  if (reach === 0) return maxZoom - 2;
  return Math.max(minZoom, Math.min(maxZoom, Math.floor(Math.log2(1 / reach))));
}

/** Tiles covering the view, each with its position (top-left, view pixels). */
export function tilesFor(center, zoom, { width, height }) {
  const c = worldPixel(center, zoom);
  const left = c.x - width / 2;
  const top = c.y - height / 2;
  const count = 2 ** zoom;
  const tiles = [];
  for (let ty = Math.floor(top / TILE); ty <= Math.floor((top + height) / TILE); ty += 1) {
    for (let tx = Math.floor(left / TILE); tx <= Math.floor((left + width) / TILE); tx += 1) {
      if (ty < 0 || ty >= count) continue;
      tiles.push({ x: ((tx % count) + count) % count, y: ty, z: zoom, left: tx * TILE - left, top: ty * TILE - top });
    }
  }
  return tiles;
}

/** Where `point` falls in the view (view pixels). */
export function viewPosition(point, center, zoom, { width, height }) {
  const c = worldPixel(center, zoom);
  const p = worldPixel(point, zoom);
  return { left: p.x - c.x + width / 2, top: p.y - c.y + height / 2 };
}
