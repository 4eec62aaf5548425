/**
 * A small OpenStreetMap view of hospitals, made of plain <img> tiles. The tile server is probed once;
 * when it cannot be reached (offline, blocked) the map is left out and the list stands alone.
 */
import { useEffect, useState } from "react";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { fitZoom, tilesFor, viewPosition } from "../lib/mercator.js";

const TILE_URL = (t) => `https://tile.openstreetmap.org/${t.z}/${t.x}/${t.y}.png`;
const VIEW = { width: 768, height: 384 };
const PROBE_TIMEOUT_MS = 5000;

let reachable = null; // Promise<boolean>, shared by every map on the page

function tilesReachable() {
  reachable ??= new Promise((resolve) => {
    const probe = new Image();
    probe.referrerPolicy = "origin";
    probe.onload = () => resolve(true);
    probe.onerror = () => resolve(false);
    setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    probe.src = TILE_URL({ z: 0, x: 0, y: 0 });
  });
  return reachable;
}

const percent = (value, total) => `${(value / total) * 100}%`;

export function HospitalMap({ center, hospitals }) {
  const { t } = useI18n();
  const [available, setAvailable] = useState(null);

  useEffect(() => {
    let live = true;
    tilesReachable().then((ok) => live && setAvailable(ok));
    return () => {
      live = false;
    };
  }, []);

  if (available === false) return <p className="hint">{t("hospitals.mapUnavailable")}</p>;
  if (!available) return null;

  const placed = hospitals.map((h, i) => ({ ...h, index: i })).filter((h) => h.lat != null && h.lng != null);
  const zoom = fitZoom(center, placed, VIEW);
  const place = (point) => {
    const { left, top } = viewPosition(point, center, zoom, VIEW);
    return { left: percent(left, VIEW.width), top: percent(top, VIEW.height) };
  };

  return (
    <figure className="map">
      <div className="map-view" role="img" aria-label={t("hospitals.mapLabel", { count: placed.length })}>
        {tilesFor(center, zoom, VIEW).map((tile) => (
          <img
            key={`${tile.left}:${tile.top}`}
            className="map-tile"
            src={TILE_URL(tile)}
            alt=""
            referrerPolicy="origin"
            draggable={false}
            style={{
              left: percent(tile.left, VIEW.width),
              top: percent(tile.top, VIEW.height),
              width: percent(256, VIEW.width),
              height: percent(256, VIEW.height),
            }}
            onError={(e) => {
              e.currentTarget.style.visibility = "hidden";
            }}
          />
        ))}
        <span className="map-center" style={place(center)} aria-hidden="true" />
        {placed.map((h) => (
          <span
            key={h.index}
            className={`map-marker${h.emergency ? " emergency" : ""}`}
            style={place(h)}
            title={h.name}
            aria-hidden="true"
          >
            {h.index + 1}
          </span>
        ))}
      </div>
      <figcaption>
        © <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">OpenStreetMap</a>{" "}
        contributors
      </figcaption>
    </figure>
  );
}
