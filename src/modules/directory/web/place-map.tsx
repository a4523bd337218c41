// The map of places: an enhancement over a list that already says everything. The contract, for any page:
//   1. render <PlaceMap markers={…} label="…" styleUrl={config.map.styleUrl} /> (hidden until the script runs);
//   2. add `placeMapScript` to the Layout's `scripts`;
//   3. answer with `mapContentSecurityPolicy(config.map.styleUrl)` as the Content-Security-Policy header.
// The script (place-map.js) loads MapLibre GL from /assets/ only when such an element is on the page, draws the
// markers on a plain background at once, then puts the tiles of the configured style under them if they load.
import { contentSecurityPolicy } from '../../../platform/http/security-headers.ts';
import { assetUrl } from '../../../platform/views/assets.ts';

export interface MapMarker {
  lat: number;
  lon: number;
  name: string;
  /** The place's page. */
  url: string;
  /** Shown in the marker (the place's number in the list), when the list is numbered. */
  label?: string;
  /** A second line in the marker's popup, e.g. « à 1,2 km ». */
  detail?: string;
}

/** Logical name of the map script in the asset manifest. */
export const placeMapScript = 'place-map.js';

export interface PlaceMapProps {
  markers: MapMarker[];
  /** What the map shows, read by screen readers, e.g. « Carte des 20 lieux de la liste ». */
  label: string;
  styleUrl: string;
}

export function PlaceMap(props: PlaceMapProps) {
  if (props.markers.length === 0) return null;
  return (
    <div
      class="relais-map"
      hidden
      data-relais-map
      role="region"
      aria-label={props.label}
      data-markers={JSON.stringify(props.markers)}
      data-style-url={props.styleUrl}
      data-maplibre-js={assetUrl('maplibre-gl.js')}
      data-maplibre-worker={assetUrl('maplibre-gl-worker.js')}
      data-maplibre-css={assetUrl('maplibre-gl.css')}
    ></div>
  );
}

/**
 * The Content-Security-Policy of a page with a map: still no 'unsafe-inline'; the tiles, glyphs and sprites of
 * the style's origin may be fetched, and MapLibre may draw decoded images from blob: addresses. Its worker is
 * a file under /assets/ (MapLibre's CSP build), so no `blob:` worker is needed.
 */
export function mapContentSecurityPolicy(styleUrl: string): string {
  const origin = new URL(styleUrl).origin;
  return contentSecurityPolicy({ imgSrc: ['blob:', origin], connectSrc: [origin] });
}
