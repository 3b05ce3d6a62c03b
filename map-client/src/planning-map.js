// <planning-map>: the OpenLayers map of the planning app, as a plain custom element.
//
// Methods (called by the Java component PlanningMap):
//   setLayers(json)            catalogue layers to show (array or JSON text of
//                              {id, title, geometry, url, minZoom, maxZoom, visible, opacity})
//   setVisible(id, visible)    show or hide one layer
//   setOpacity(id, opacity)    0..1
//   fitExtent(minx, miny, maxx, maxy)   longitude/latitude (EPSG:4490 ≈ WGS84)
// Attribute:
//   tianditu-key               a Tianditu key: adds the vec_w + cva_w base map; absent: plain background
// Events (CustomEvent, bubbling):
//   map-ready                  the map exists
//   map-rendered               the first complete render with layers (also sets data-rendered="true")
//   feature-click              detail {layer, id, properties, propertiesJson, lon, lat}
//   view-change                detail {lon, lat, zoom, minx, miny, maxx, maxy}
//   basemap-error              the Tianditu base map could not be loaded; the plain background stays
import 'ol/ol.css';
import './planning-map.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import {defaults as defaultControls, ScaleLine} from 'ol/control.js';
import {fromLonLat, toLonLat, transformExtent} from 'ol/proj.js';
import {getArea} from 'ol/extent.js';
import {hasLabels, styleFor} from './styles.js';

const YIYANG = [112.0, 28.7];
const ADMIN_Z = {village: 30, township: 31, county: 32};
const TIANDITU = 'https://t{0-7}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0'
  + '&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}';

function zIndexOf(def, index) {
  if (ADMIN_Z[def.id] !== undefined) {
    return ADMIN_Z[def.id];
  }
  switch (def.geometry) {
    case 'POINT': return 80 + index;
    case 'MULTILINESTRING': return 50 + index;
    default: return 10 + index;
  }
}

function tiandituUrl(layer, key) {
  return TIANDITU.replaceAll('{layer}', layer).replace('{key}', encodeURIComponent(key));
}

class PlanningMap extends HTMLElement {
  static get observedAttributes() {
    return ['tianditu-key'];
  }

  constructor() {
    super();
    this._layers = new Map();
    this._pendingFit = null;
    this._baseLayers = [];
    this._tilesLoaded = 0;
    this._map = null;
  }

  connectedCallback() {
    if (this._map) {
      this._map.setTarget(this);
      return;
    }
    this._map = new OlMap({
      target: this,
      controls: defaultControls({attributionOptions: {collapsible: true}}).extend([new ScaleLine()]),
      view: new View({center: fromLonLat(YIYANG), zoom: 8.5, minZoom: 3, maxZoom: 20}),
    });
    this._map.on('singleclick', (e) => this._onClick(e));
    this._map.on('moveend', () => this._onMoveEnd());
    this._map.on('rendercomplete', () => this._onRenderComplete());
    this._resize = new ResizeObserver(() => {
      this._map.updateSize();
      // Until the user moves the map, keep the requested extent in view as the layout settles.
      if (!this._pendingFit && this._lastFit && !this._userMoved) {
        this._pendingFit = this._lastFit;
      }
      this._applyPendingFit();
    });
    const moved = () => {
      this._userMoved = true;
    };
    this._map.getViewport().addEventListener('pointerdown', moved);
    this._map.getViewport().addEventListener('wheel', moved, {passive: true});
    this._resize.observe(this);
    this._applyTianditu(this.getAttribute('tianditu-key'));
    requestAnimationFrame(() => this._emit('map-ready', {}));
  }

  disconnectedCallback() {
    // Vaadin may move the element; keep the map and its layers, release the DOM target only.
    if (this._map && !this.isConnected) {
      this._map.setTarget(undefined);
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (name === 'tianditu-key' && this._map && oldValue !== newValue) {
      this._applyTianditu(newValue);
    }
  }

  // ---- API -------------------------------------------------------------------------------------

  setLayers(json) {
    const defs = typeof json === 'string' ? JSON.parse(json) : json;
    this._whenMap(() => {
      for (const layer of this._layers.values()) {
        this._map.removeLayer(layer);
      }
      this._layers.clear();
      defs.forEach((def, index) => this._addLayer(def, index));
    });
  }

  setVisible(id, visible) {
    this._whenMap(() => this._layers.get(id)?.setVisible(Boolean(visible)));
  }

  setOpacity(id, opacity) {
    this._whenMap(() => this._layers.get(id)?.setOpacity(Math.max(0, Math.min(1, Number(opacity)))));
  }

  fitExtent(minx, miny, maxx, maxy) {
    this._pendingFit = [minx, miny, maxx, maxy].map(Number);
    this._lastFit = this._pendingFit;
    this._userMoved = false;
    this._whenMap(() => this._applyPendingFit());
  }

  /** The OpenLayers map, for debugging and tests. */
  get olMap() {
    return this._map;
  }

  // ---- internals -------------------------------------------------------------------------------

  _whenMap(fn) {
    if (this._map) {
      fn();
    } else {
      (this._queue ||= []).push(fn);
      if (!this._queueHooked) {
        this._queueHooked = true;
        const run = () => {
          if (!this._map) {
            requestAnimationFrame(run);
            return;
          }
          this._queue.splice(0).forEach((f) => f());
        };
        requestAnimationFrame(run);
      }
    }
  }

  _addLayer(def, index) {
    const url = new URL(def.url, document.baseURI).href
      .replaceAll('%7B', '{').replaceAll('%7D', '}');
    const source = new VectorTileSource({
      format: new MVT(),
      url,
      tileSize: 256,
      maxZoom: def.maxZoom ?? 16,
      transition: 0,
    });
    source.on('tileloadend', () => {
      this._tilesLoaded++;
      this.setAttribute('data-tiles-loaded', String(this._tilesLoaded));
    });
    const view = this._map.getView();
    const layer = new VectorTileLayer({
      source,
      style: styleFor(def.id, def.geometry, (res) => view.getZoomForResolution(res)),
      declutter: hasLabels(def.id, def.geometry) ? 'labels' : false,
      visible: def.visible !== false,
      opacity: def.opacity ?? 1,
      // OpenLayers' minZoom is exclusive: the layer shows from def.minZoom on.
      minZoom: def.minZoom > 0 ? def.minZoom - 0.001 : undefined,
      zIndex: zIndexOf(def, index),
      renderBuffer: 64,
      properties: {layerId: def.id, title: def.title, geometry: def.geometry},
    });
    this._layers.set(def.id, layer);
    this._map.addLayer(layer);
  }

  _applyPendingFit() {
    const size = this._map?.getSize();
    if (!this._pendingFit || !size || size[0] === 0 || size[1] === 0) {
      return;
    }
    const extent = transformExtent(this._pendingFit, 'EPSG:4326', 'EPSG:3857');
    this._pendingFit = null;
    this._map.getView().fit(extent, {padding: [24, 24, 24, 24], maxZoom: 16});
  }

  _onRenderComplete() {
    if (this._layers.size === 0 || this._pendingFit || this.hasAttribute('data-rendered')) {
      return;
    }
    this.setAttribute('data-rendered', 'true');
    this._emit('map-rendered', {tilesLoaded: this._tilesLoaded});
  }

  _onMoveEnd() {
    const view = this._map.getView();
    const size = this._map.getSize();
    if (!size) {
      return;
    }
    const [lon, lat] = toLonLat(view.getCenter());
    const [minx, miny, maxx, maxy] = transformExtent(view.calculateExtent(size), 'EPSG:3857', 'EPSG:4326');
    this._emit('view-change', {lon, lat, zoom: view.getZoom(), minx, miny, maxx, maxy});
  }

  _onClick(e) {
    const hits = [];
    this._map.forEachFeatureAtPixel(e.pixel, (feature, layer) => {
      // Label points stand for their polygons: a click picks the polygon itself.
      if (layer && layer.get('layerId') && !String(feature.get('layer') || '').endsWith('_label')) {
        hits.push({feature, layer});
      }
    }, {hitTolerance: 4});
    if (hits.length === 0) {
      return;
    }
    // Points before lines before polygons; among polygons the smallest (a village before its county).
    const rank = (h) => {
      const geometry = h.feature.getGeometry();
      const type = geometry.getType();
      const dim = type.includes('Point') ? 0 : type.includes('LineString') ? 1 : 2;
      return [dim, dim === 2 ? getArea(geometry.getExtent()) : 0];
    };
    hits.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return ra[0] - rb[0] || ra[1] - rb[1];
    });
    const {feature, layer} = hits[0];
    const properties = {...feature.getProperties()};
    delete properties.layer;
    delete properties.geometry;
    const [lon, lat] = toLonLat(e.coordinate);
    this._emit('feature-click', {
      layer: layer.get('layerId'),
      id: feature.getId() ?? properties.id ?? null,
      properties,
      propertiesJson: JSON.stringify(properties),
      lon,
      lat,
    });
  }

  _applyTianditu(key) {
    this._baseLayers.forEach((l) => this._map.removeLayer(l));
    this._baseLayers = [];
    this.classList.remove('has-basemap');
    if (!key) {
      return;
    }
    // Probe one tile first: without internet (or with a bad key) the plain background stays,
    // no broken tiles are drawn and only the probe fails.
    const probe = new Image();
    probe.onload = () => {
      if (this.getAttribute('tianditu-key') !== key) {
        return;
      }
      let loaded = 0;
      let failed = 0;
      const make = (name, z) => {
        const source = new XYZ({
          url: tiandituUrl(name, key),
          attributions: '© <a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图</a>',
          maxZoom: 18,
          transition: 150,
        });
        source.on('tileloadend', () => loaded++);
        source.on('tileloaderror', () => {
          failed++;
          if (failed >= 12 && loaded === 0) {
            this._applyTianditu(null);
            this._emit('basemap-error', {reason: 'tiles'});
          }
        });
        return new TileLayer({source, zIndex: z, properties: {basemap: name}});
      };
      this._baseLayers = [make('vec', -2), make('cva', -1)];
      this._baseLayers.forEach((l) => this._map.addLayer(l));
      this.classList.add('has-basemap');
    };
    probe.onerror = () => this._emit('basemap-error', {reason: 'unreachable'});
    probe.src = tiandituUrl('vec', key).replace('{0-7}', '0').replace('{z}', '1').replace('{x}', '1')
      .replace('{y}', '0');
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
  }
}

if (!customElements.get('planning-map')) {
  customElements.define('planning-map', PlanningMap);
}
