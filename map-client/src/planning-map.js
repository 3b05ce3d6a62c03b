// <planning-map>: the OpenLayers map of the planning app, as a plain custom element.
//
// Methods (called by the Java component PlanningMap):
//   setLayers(json)            catalogue layers to show (array or JSON text of {id, title, geometry, url,
//                              minZoom, maxZoom, visible, opacity, version, variant, codes}); then restores the
//                              user's stored choices (event prefs-restored) and sends the legends (legend).
//                              codes: what the layer's codes mean, from the catalogue's code lists, as
//                              {field: {value: {rank (ordered lists only, 1 the highest), traits: [..]}}}, e.g.
//                              {surface: {asphalt: {traits: ['hardened', 'all_season']}}}; styles read
//                              "hardened" and the like from it, never from a copy of their own
//   setVisible(id, visible)    show or hide one layer          (remembered in localStorage)
//   setOpacity(id, opacity)    0..1                            (remembered)
//   setVariant(id, variant)    a style variant, e.g. household 'poverty' | 'water'   (remembered)
//   setLayerVersion(id, v)     new data: the layer's tiles are fetched again with ?v=v
//   setBasemap(name)           'none' | 'vec' | 'img' | 'ter' (Tianditu with its labels)   (remembered)
//   fitExtent(minx, miny, maxx, maxy[, maxZoom])   longitude/latitude (EPSG:4490 ≈ WGS84)
//   select(layerId, featureId) highlight one feature (by its store id); clearSelection()
//   startMeasure(kind)         'length' | 'area': draw on the map, values in events; stopMeasure()
//   setTexts(json)             words of the coordinate and measure read-outs, in the UI language
//   setOverlay(geojson)        features over the layers (see the method); tone 'history' draws a dashed outline
//                              (an earlier version of a feature beside the current one)
// Editing (one layer at a time; nothing is written by the element, the server saves what edit-save reports):
//   startEditing(json)         {layer, geometry}: the layer's features of the view become editable vectors (the
//                              server sends them by setEditFeatures); its tiles hide the features the session holds
//   setEditFeatures(geojson)   the editable features of the view (FeatureCollection, lon/lat, id = store id);
//                              features changed or deleted in the session keep the session's state
//   setSnapFeatures(layerId, geojson)  features to snap to (village, township, constraint layers …)
//   setSnapping(layerId, on)   snapping to one layer on or off (the edited layer's id: its own features)
//   setEditTool(tool)          'select' | 'draw' | 'modify' (vertices) | 'move' | 'delete' | 'split' (draw a line
//                              across a polygon) | 'merge' (click two polygons)
//   undoEdit(), redoEdit()     one step of the session back or forward (keys: Ctrl+Z; Ctrl+Y or Ctrl+Shift+Z)
//   selectEdit(key)            select a feature of the session (null: none)
//   applySplit(json)           {key, parts: [GeoJSON geometry]}: the server's split; the first part replaces the
//                              feature's shape, the others become new features (copyOf the feature), one undo step
//   applyMerge(json)           {keep, remove, geometry}: the server's merge, one undo step
//   requestEditSave()          emits edit-save with the session's changes
//   editSaved(json)            {saved: [{key, id}]}: those changes are stored (new features get their ids)
//   revertEdit(json)           {key, geometry}: the feature back to a stored state (another user's version), its
//                              changes dropped (the undo stack too, since its steps may refer to it)
//   setEditProblems(json)      [{lon, lat, message}]: problems shown where they are (red markers); [] clears
//   stopEditing()              ends the session and drops unsaved changes
//   Keys while editing (not while typing in a field): Delete removes the selected feature, Esc abandons the
//   drawing or the selection, Enter finishes the drawing.
// Attributes:
//   tianditu-proxy             base URL of the server's Tianditu proxy (keeps the key off the page)
//   tianditu-key               a Tianditu key used directly by the browser (when there is no proxy)
//   prefs-key                  where the user's choices are kept (localStorage key suffix, e.g. the user name)
// Events (CustomEvent, bubbling):
//   map-ready, map-rendered (also data-rendered="true" and data-rendered-ms: ms since navigation), view-change {lon, lat, zoom, minx, miny, maxx, maxy}
//   feature-click              {layer, id, properties, propertiesJson, lon, lat, hitsJson}: every
//                              feature under the click ([{layer, id, properties}], best first)
//   measure                    {kind, value (m or m²), done}
//   legend                     {json: {layerId: [{key, image (data URL)}]}}
//   prefs-restored             {json: {layers: {id: {visible, opacity, variant}}, basemap}}
//   basemap-error              the Tianditu base map could not be loaded; the plain background stays
//   edit-select                {key, id (null for a new feature), isNew, copyOf}: the selected feature
//   edit-touch                 {key, id}: a stored feature is changed or selected for the first time in the session
//                              (the server notes the version the edit starts from)
//   edit-change                {canUndo, canRedo, changes}: after each step, undo and redo
//   edit-split                 {key, geometryJson, lineJson}: asks the server to split (answer: applySplit)
//   edit-merge                 {keep, remove, aJson, bJson}: asks the server to merge (answer: applyMerge)
//   edit-refused               {reason}: a tool could not act (e.g. line_does_not_cross: no polygon under the line)
//   edit-save                  {changesJson: [{op: insert|update|delete, key, id, copyOf, geometry}]}
// Attributes the element sets while editing (journeys wait on them): data-editing (layer), data-edit-tool,
// data-edit-features, data-edit-undo, data-edit-redo, data-edit-changes, data-edit-selected, data-edit-snap (the
// layers snapped to), data-edit-problems.
import 'ol/ol.css';
import './planning-map.css';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import Feature from 'ol/Feature.js';
import Overlay from 'ol/Overlay.js';
import VectorTileLayer from 'ol/layer/VectorTile.js';
import VectorTileSource from 'ol/source/VectorTile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import TileLayer from 'ol/layer/Tile.js';
import XYZ from 'ol/source/XYZ.js';
import MVT from 'ol/format/MVT.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import {LineString, Point, Polygon} from 'ol/geom.js';
import {Circle, Fill, Stroke, Style} from 'ol/style.js';
import {defaults as defaultControls, ScaleLine} from 'ol/control.js';
import {fromLonLat, toLonLat, transformExtent} from 'ol/proj.js';
import {getArea as extentArea} from 'ol/extent.js';
import {getArea, getLength} from 'ol/sphere.js';
import {toContext} from 'ol/render.js';
import {hasLabels, legendEntries, styleFor, VARIANTS} from './styles.js';
import {toGaussKruger} from './gk.js';
import {EditSession} from './editing.js';

const YIYANG = [112.0, 28.7];
const ADMIN_Z = {village: 30, township: 31, county: 32};
const TIANDITU = 'https://t{0-7}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0'
  + '&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}';
const BASEMAPS = {vec: ['vec', 'cva'], img: ['img', 'cia'], ter: ['ter', 'cta']};
const HIGHLIGHT = '#00e5ff';
const DEFAULT_TEXTS = {
  lonLat: 'Lon/Lat', zone: 'GK zone', easting: 'E', northing: 'N', length: 'Length', area: 'Area',
  m: 'm', km: 'km', m2: 'm²', mu: 'mu', ha: 'ha', finishHint: 'Double-click to finish',
};

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

function absolute(url) {
  return new URL(url, document.baseURI).href.replaceAll('%7B', '{').replaceAll('%7D', '}');
}

function featureId(feature) {
  const id = feature.get('id') ?? feature.getId();
  return id === undefined || id === null ? null : Number(id);
}

const HIGHLIGHT_STYLES = {
  point: new Style({image: new Circle({radius: 9, stroke: new Stroke({color: HIGHLIGHT, width: 3})}), zIndex: 1000}),
  line: [new Style({stroke: new Stroke({color: 'rgba(0,0,0,0.35)', width: 8}), zIndex: 999}),
    new Style({stroke: new Stroke({color: HIGHLIGHT, width: 4}), zIndex: 1000})],
  polygon: new Style({stroke: new Stroke({color: HIGHLIGHT, width: 3.5}), fill: new Fill({color: 'rgba(0,229,255,0.12)'}),
    zIndex: 1000}),
};

function formatNumber(n, digits) {
  return n.toLocaleString(undefined, {minimumFractionDigits: digits, maximumFractionDigits: digits});
}

const OVERLAY_STYLE = new Style({
  image: new Circle({radius: 4, fill: new Fill({color: '#1565c0'}), stroke: new Stroke({color: '#fff', width: 1})}),
  stroke: new Stroke({color: '#1565c0', width: 2}),
  fill: new Fill({color: 'rgba(21, 101, 192, 0.15)'}),
});
const OVERLAY_REJECTED = new Style({
  image: new Circle({radius: 4, fill: new Fill({color: '#c62828'}), stroke: new Stroke({color: '#fff', width: 1})}),
  stroke: new Stroke({color: '#c62828', width: 2}),
  fill: new Fill({color: 'rgba(198, 40, 40, 0.15)'}),
});
const OVERLAY_MUTED = new Style({
  image: new Circle({radius: 4, fill: new Fill({color: '#757575'}), stroke: new Stroke({color: '#fff', width: 1})}),
  stroke: new Stroke({color: '#757575', width: 2}),
  fill: new Fill({color: 'rgba(117, 117, 117, 0.15)'}),
});

const OVERLAY_HISTORY = new Style({
  image: new Circle({radius: 6, stroke: new Stroke({color: '#6a1b9a', width: 2, lineDash: [4, 3]})}),
  stroke: new Stroke({color: '#6a1b9a', width: 2.5, lineDash: [8, 6]}),
  fill: new Fill({color: 'rgba(106, 27, 154, 0.06)'}),
});

/** The overlay style of a feature: its `tone` (normal, alert, muted, history), else red when `rejected`. */
function overlayStyle(f) {
  switch (f.get('tone')) {
    case 'history': return OVERLAY_HISTORY;
    case 'alert': return OVERLAY_REJECTED;
    case 'muted': return OVERLAY_MUTED;
    case 'normal': return OVERLAY_STYLE;
    default: return f.get('rejected') ? OVERLAY_REJECTED : OVERLAY_STYLE;
  }
}

class PlanningMap extends HTMLElement {
  static get observedAttributes() {
    return ['tianditu-key', 'tianditu-proxy'];
  }

  constructor() {
    super();
    this._layers = new Map();
    this._defs = new Map();
    this._variants = new Map();
    this._pendingFit = null;
    this._baseLayers = [];
    this._basemap = 'vec';
    this._tilesLoaded = 0;
    this._selected = null;
    this._texts = {...DEFAULT_TEXTS};
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
    this._map.on('pointermove', (e) => this._onPointerMove(e));
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
    this._coords = document.createElement('div');
    this._coords.className = 'planning-map-coords';
    this._map.getViewport().appendChild(this._coords);
    this._applyBasemap();
    requestAnimationFrame(() => this._emit('map-ready', {}));
  }

  disconnectedCallback() {
    // Vaadin may move the element; keep the map and its layers, release the DOM target only.
    if (this._map && !this.isConnected) {
      this._map.setTarget(undefined);
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this._map && oldValue !== newValue) {
      this._applyBasemap();
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
      this._defs.clear();
      defs.forEach((def, index) => this._addLayer(def, index));
      this._restorePrefs();
      this._emitLegend();
    });
  }

  setVisible(id, visible) {
    this._whenMap(() => {
      this._layers.get(id)?.setVisible(Boolean(visible));
      this._savePrefs();
    });
  }

  setOpacity(id, opacity) {
    this._whenMap(() => {
      this._layers.get(id)?.setOpacity(Math.max(0, Math.min(1, Number(opacity))));
      this._savePrefs();
    });
  }

  setVariant(id, variant) {
    this._whenMap(() => {
      this._variants.set(id, variant);
      this._layers.get(id)?.changed();
      this._savePrefs();
      this._emitLegend();
    });
  }

  setLayerVersion(id, version) {
    this._whenMap(() => {
      const def = this._defs.get(id);
      const layer = this._layers.get(id);
      if (!def || !layer || String(def.version) === String(version)) {
        return;
      }
      def.version = version;
      layer.getSource().setUrl(this._tileUrl(def));
    });
  }

  setBasemap(name) {
    this._basemap = BASEMAPS[name] ? name : 'none';
    this._whenMap(() => {
      this._applyBasemap();
      this._savePrefs();
    });
  }

  fitExtent(minx, miny, maxx, maxy, maxZoom) {
    this._pendingFit = [minx, miny, maxx, maxy].map(Number);
    this._fitMaxZoom = maxZoom === undefined || maxZoom === null ? 16 : Number(maxZoom);
    this._lastFit = this._pendingFit;
    this._userMoved = false;
    this._whenMap(() => this._applyPendingFit());
  }

  /**
   * Shows features that are not in a layer (yet): an import's preview. GeoJSON FeatureCollection
   * text in lon/lat (EPSG:4490, read as EPSG:4326); a feature's `tone` property picks its colour
   * (`normal` blue, `alert` red, `muted` grey; without one, `rejected: true` is red). Empty or null
   * text removes the overlay.
   */
  setOverlay(geojson) {
    this._whenMap(() => {
      if (!this._overlay) {
        this._overlay = new VectorLayer({
          source: new VectorSource(),
          zIndex: 1000,
          style: overlayStyle,
        });
        this._map.addLayer(this._overlay);
      }
      const source = this._overlay.getSource();
      source.clear();
      if (geojson) {
        source.addFeatures(new GeoJSON().readFeatures(geojson,
            {dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857'}));
      }
      this.setAttribute('data-overlay-features', String(source.getFeatures().length));
    });
  }

  select(layerId, featureId) {
    const previous = this._selected?.layer;
    this._selected = layerId ? {layer: layerId, id: Number(featureId)} : null;
    this._whenMap(() => {
      [previous, layerId].filter(Boolean).forEach((id) => this._layers.get(id)?.changed());
    });
  }

  clearSelection() {
    this.select(null, null);
  }

  startMeasure(kind) {
    this._whenMap(() => this._startMeasure(kind === 'area' ? 'area' : 'length'));
  }

  stopMeasure() {
    this._whenMap(() => this._stopMeasure());
  }

  setTexts(json) {
    const t = typeof json === 'string' ? JSON.parse(json) : json;
    this._texts = {...DEFAULT_TEXTS, ...t};
  }

  // ---- editing ---------------------------------------------------------------------------------

  startEditing(json) {
    const spec = typeof json === 'string' ? JSON.parse(json) : json;
    this._whenMap(() => {
      this._stopEditing();
      this._stopMeasure();
      this.clearSelection();
      const tiles = this._layers.get(spec.layer);
      this._edit = new EditSession(this, this._map, spec, () => tiles?.changed());
      this.setAttribute('data-editing', spec.layer);
    });
  }

  setEditFeatures(geojson) {
    this._whenMap(() => this._edit?.setFeatures(typeof geojson === 'string' ? JSON.parse(geojson) : geojson));
  }

  setSnapFeatures(layerId, geojson) {
    this._whenMap(() => this._edit?.setSnapFeatures(layerId,
        typeof geojson === 'string' ? JSON.parse(geojson) : geojson));
  }

  setSnapping(layerId, on) {
    this._whenMap(() => this._edit?.setSnapping(layerId, on));
  }

  setEditTool(tool) {
    this._whenMap(() => this._edit?.setTool(tool));
  }

  undoEdit() {
    this._whenMap(() => this._edit?.undo());
  }

  redoEdit() {
    this._whenMap(() => this._edit?.redo());
  }

  selectEdit(key) {
    this._whenMap(() => this._edit?.select(key === null || key === undefined ? null : String(key)));
  }

  applySplit(json) {
    this._whenMap(() => this._edit?.applySplit(typeof json === 'string' ? JSON.parse(json) : json));
  }

  applyMerge(json) {
    this._whenMap(() => this._edit?.applyMerge(typeof json === 'string' ? JSON.parse(json) : json));
  }

  requestEditSave() {
    this._whenMap(() => {
      if (this._edit) {
        this._emit('edit-save', {changesJson: JSON.stringify(this._edit.changes())});
      }
    });
  }

  revertEdit(json) {
    this._whenMap(() => this._edit?.revert(typeof json === 'string' ? JSON.parse(json) : json));
  }

  editSaved(json) {
    this._whenMap(() => this._edit?.saved(typeof json === 'string' ? JSON.parse(json) : json));
  }

  setEditProblems(json) {
    this._whenMap(() => this._edit?.setProblems(typeof json === 'string' ? JSON.parse(json || '[]') : json));
  }

  stopEditing() {
    this._whenMap(() => this._stopEditing());
  }

  _stopEditing() {
    if (this._edit) {
      const id = this._edit.layerId;
      this._edit.stop();
      this._edit = null;
      this._layers.get(id)?.changed();
    }
  }

  /** The legend images of every layer now, {layerId: [{key, image}]}. */
  legend() {
    const out = {};
    for (const def of this._defs.values()) {
      out[def.id] = this._legendOf(def);
    }
    return out;
  }

  /** The OpenLayers map, for debugging and tests. */
  get olMap() {
    return this._map;
  }

  // ---- layers ----------------------------------------------------------------------------------

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

  _tileUrl(def) {
    const url = absolute(def.url);
    return def.version === undefined || def.version === null ? url
      : url + (url.includes('?') ? '&' : '?') + 'v=' + encodeURIComponent(def.version);
  }

  _addLayer(def, index) {
    const d = {...def};
    this._defs.set(d.id, d);
    if (d.variant) {
      this._variants.set(d.id, d.variant);
    }
    const source = new VectorTileSource({
      format: new MVT(),
      url: this._tileUrl(d),
      tileSize: 256,
      maxZoom: d.maxZoom ?? 16,
      transition: 0,
    });
    source.on('tileloadend', () => {
      this._tilesLoaded++;
      this.setAttribute('data-tiles-loaded', String(this._tilesLoaded));
    });
    const view = this._map.getView();
    const base = styleFor(d, (res) => view.getZoomForResolution(res), () => this._variants.get(d.id));
    const kind = d.geometry === 'POINT' ? 'point' : d.geometry === 'MULTILINESTRING' ? 'line' : 'polygon';
    const style = (feature, resolution) => {
      if (this._edit && this._edit.layerId === d.id && this._edit.hides(featureId(feature))) {
        return null; // the editing session draws it (or it was deleted there)
      }
      const s = base(feature, resolution);
      const sel = this._selected;
      if (!sel || sel.layer !== d.id || featureId(feature) !== sel.id
          || String(feature.get('layer') || '').endsWith('_label')) {
        return s;
      }
      return [].concat(s || [], HIGHLIGHT_STYLES[kind]);
    };
    const layer = new VectorTileLayer({
      source,
      style,
      declutter: hasLabels(d.id, d.geometry) ? 'labels' : false,
      visible: d.visible !== false,
      opacity: d.opacity ?? 1,
      // OpenLayers' minZoom is exclusive: the layer shows from def.minZoom on.
      minZoom: d.minZoom > 0 ? d.minZoom - 0.001 : undefined,
      zIndex: zIndexOf(d, index),
      renderBuffer: 64,
      properties: {layerId: d.id, title: d.title, geometry: d.geometry},
    });
    this._layers.set(d.id, layer);
    this._map.addLayer(layer);
  }

  _applyPendingFit() {
    const size = this._map?.getSize();
    if (!this._pendingFit || !size || size[0] === 0 || size[1] === 0) {
      return;
    }
    const extent = transformExtent(this._pendingFit, 'EPSG:4326', 'EPSG:3857');
    this._pendingFit = null;
    this._map.getView().fit(extent, {padding: [24, 24, 24, 24], maxZoom: this._fitMaxZoom ?? 16});
  }

  // ---- the user's choices ----------------------------------------------------------------------

  _prefsStorageKey() {
    const k = this.getAttribute('prefs-key');
    return k ? 'planning-map:' + k : null;
  }

  _savePrefs() {
    const key = this._prefsStorageKey();
    if (!key || this._layers.size === 0) {
      return;
    }
    const layers = {};
    for (const [id, layer] of this._layers) {
      layers[id] = {visible: layer.getVisible(), opacity: layer.getOpacity(), variant: this._variants.get(id) ?? null};
    }
    try {
      localStorage.setItem(key, JSON.stringify({layers, basemap: this._basemap}));
    } catch (e) {
      // Storage full or disabled: the choices are simply not remembered.
    }
  }

  _restorePrefs() {
    const key = this._prefsStorageKey();
    let prefs = null;
    try {
      prefs = key ? JSON.parse(localStorage.getItem(key) || 'null') : null;
    } catch (e) {
      prefs = null;
    }
    if (!prefs || typeof prefs !== 'object') {
      return;
    }
    for (const [id, p] of Object.entries(prefs.layers || {})) {
      const layer = this._layers.get(id);
      if (!layer || !p) {
        continue;
      }
      layer.setVisible(Boolean(p.visible));
      layer.setOpacity(Math.max(0, Math.min(1, Number(p.opacity ?? 1))));
      if (p.variant && (VARIANTS[id] || []).includes(p.variant)) {
        this._variants.set(id, p.variant);
      }
    }
    if (prefs.basemap && prefs.basemap !== this._basemap) {
      this._basemap = BASEMAPS[prefs.basemap] ? prefs.basemap : 'none';
      this._applyBasemap();
    }
    this._emit('prefs-restored', {json: JSON.stringify(prefs)});
  }

  // ---- legends ---------------------------------------------------------------------------------

  _legendOf(def) {
    const zoomOf = () => 14;
    const style = styleFor(def, zoomOf, () => this._variants.get(def.id));
    return legendEntries(def.id, def.geometry, this._variants.get(def.id)).map((entry) => ({
      key: entry.key,
      image: this._swatch(entry, style),
    }));
  }

  _swatch(entry, style) {
    const w = 28;
    const h = 16;
    const canvas = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    canvas.width = w * ratio;
    canvas.height = h * ratio;
    const ctx = canvas.getContext('2d');
    const vc = toContext(ctx, {size: [w, h], pixelRatio: ratio});
    const geometry = entry.kind === 'point' ? new Point([w / 2, h / 2])
      : entry.kind === 'line' ? new LineString([[2, h / 2], [w - 2, h / 2]])
        : new Polygon([[[2, 2], [w - 2, 2], [w - 2, h - 2], [2, h - 2], [2, 2]]]);
    const feature = new Feature({...entry.props, geometry});
    const styles = [].concat(style(feature, 9.55) || []);
    for (const s of styles) {
      if (s.getText && s.getText()) {
        continue; // labels have no place in a swatch
      }
      vc.setStyle(s);
      vc.drawGeometry(geometry);
    }
    return canvas.toDataURL('image/png');
  }

  _emitLegend() {
    this._emit('legend', {json: JSON.stringify(this.legend())});
  }

  // ---- events ----------------------------------------------------------------------------------

  _onRenderComplete() {
    const overlay = this._overlay?.getSource().getFeatures().length || 0;
    if ((this._layers.size === 0 && overlay === 0) || this._pendingFit || this.hasAttribute('data-rendered')) {
      return;
    }
    this.setAttribute('data-rendered', 'true');
    // Milliseconds from the page's navigation to this first complete render (for benchmarks).
    this.setAttribute('data-rendered-ms', String(Math.round(performance.now())));
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

  _onPointerMove(e) {
    if (e.dragging) {
      return;
    }
    const [lon, lat] = toLonLat(e.coordinate);
    this._pointer = [lon, lat];
    if (!this._coordsFrame) {
      this._coordsFrame = requestAnimationFrame(() => {
        this._coordsFrame = null;
        this._showCoordinates(...this._pointer);
      });
    }
  }

  _showCoordinates(lon, lat) {
    const t = this._texts;
    const gk = toGaussKruger(lon, lat);
    let text = `${t.lonLat} ${lon.toFixed(6)}, ${lat.toFixed(6)}`;
    if (gk) {
      text += ` · ${t.zone} ${gk.zone} (EPSG:${gk.epsg}) ${t.easting} ${gk.easting.toFixed(1)}`
        + ` ${t.northing} ${gk.northing.toFixed(1)}`;
    }
    this._coords.textContent = text;
    this.setAttribute('data-pointer', `${lon.toFixed(6)},${lat.toFixed(6)}`);
  }

  _onClick(e) {
    if (this._draw || this._edit) {
      return; // measuring: clicks add vertices; editing: the session handles clicks
    }
    const hits = [];
    const seen = new Set();
    this._map.forEachFeatureAtPixel(e.pixel, (feature, layer) => {
      // Label points stand for their polygons: a click picks the polygon itself.
      if (layer && layer.get('layerId') && !String(feature.get('layer') || '').endsWith('_label')) {
        const key = layer.get('layerId') + ':' + featureId(feature);
        if (!seen.has(key)) {
          seen.add(key);
          hits.push({feature, layer});
        }
      }
    }, {hitTolerance: 4});
    if (hits.length === 0) {
      this.clearSelection();
      return;
    }
    // Points before lines before polygons; among polygons the smallest (a village before its county).
    const rank = (h) => {
      const geometry = h.feature.getGeometry();
      const type = geometry.getType();
      const dim = type.includes('Point') ? 0 : type.includes('LineString') ? 1 : 2;
      return [dim, dim === 2 ? extentArea(geometry.getExtent()) : 0];
    };
    hits.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return ra[0] - rb[0] || ra[1] - rb[1];
    });
    const list = hits.slice(0, 25).map(({feature, layer}) => {
      const properties = {...feature.getProperties()};
      delete properties.layer;
      delete properties.geometry;
      return {layer: layer.get('layerId'), id: featureId(feature), properties};
    });
    const first = list[0];
    this.select(first.layer, first.id);
    const [lon, lat] = toLonLat(e.coordinate);
    this._emit('feature-click', {
      layer: first.layer,
      id: first.id,
      properties: first.properties,
      propertiesJson: JSON.stringify(first.properties),
      hitsJson: JSON.stringify(list),
      lon,
      lat,
    });
  }

  // ---- measuring -------------------------------------------------------------------------------

  _startMeasure(kind) {
    this._stopMeasure();
    this._measureSource = new VectorSource();
    this._measureLayer = new VectorLayer({
      source: this._measureSource,
      zIndex: 2000,
      style: new Style({
        stroke: new Stroke({color: '#d81b60', width: 2.5, lineDash: [6, 4]}),
        fill: new Fill({color: 'rgba(216,27,96,0.12)'}),
        image: new Circle({radius: 4, fill: new Fill({color: '#d81b60'})}),
      }),
      properties: {measure: true},
    });
    this._map.addLayer(this._measureLayer);
    const tip = document.createElement('div');
    tip.className = 'planning-map-measure';
    this._measureTip = new Overlay({element: tip, offset: [12, -12], positioning: 'bottom-left', stopEvent: false});
    this._map.addOverlay(this._measureTip);
    this._draw = new Draw({source: this._measureSource, type: kind === 'area' ? 'Polygon' : 'LineString'});
    this._draw.on('drawstart', (e) => {
      this._measureSource.clear();
      const geometry = e.feature.getGeometry();
      this._measureListener = geometry.on('change', () => this._measured(kind, geometry, false));
    });
    this._draw.on('drawend', (e) => {
      this._measured(kind, e.feature.getGeometry(), true);
    });
    this._map.addInteraction(this._draw);
    this.setAttribute('data-measuring', kind);
  }

  _measured(kind, geometry, done) {
    const value = kind === 'area' ? getArea(geometry) : getLength(geometry);
    const t = this._texts;
    let text;
    if (kind === 'area') {
      text = `${t.area} ${formatNumber(value, 0)} ${t.m2} · ${formatNumber(value / (10000 / 15), 2)} ${t.mu}`
        + ` · ${formatNumber(value / 10000, 4)} ${t.ha}`;
    } else {
      text = value >= 1000 ? `${t.length} ${formatNumber(value / 1000, 3)} ${t.km}`
        : `${t.length} ${formatNumber(value, 1)} ${t.m}`;
    }
    const element = this._measureTip.getElement();
    element.textContent = done ? text : `${text} (${t.finishHint})`;
    const coords = kind === 'area' ? geometry.getInteriorPoint().getCoordinates() : geometry.getLastCoordinate();
    this._measureTip.setPosition(coords.slice(0, 2));
    this.setAttribute('data-measure', String(value));
    this._emit('measure', {kind, value, done});
  }

  _stopMeasure() {
    if (this._draw) {
      this._map.removeInteraction(this._draw);
      this._draw = null;
    }
    if (this._measureLayer) {
      this._map.removeLayer(this._measureLayer);
      this._measureLayer = null;
    }
    if (this._measureTip) {
      this._map.removeOverlay(this._measureTip);
      this._measureTip = null;
    }
    this.removeAttribute('data-measuring');
  }

  // ---- base map --------------------------------------------------------------------------------

  _applyBasemap() {
    if (!this._map) {
      return;
    }
    this._baseLayers.forEach((l) => this._map.removeLayer(l));
    this._baseLayers = [];
    this.classList.remove('has-basemap');
    const names = BASEMAPS[this._basemap];
    const proxy = this.getAttribute('tianditu-proxy');
    const key = this.getAttribute('tianditu-key');
    if (!names || (!proxy && !key)) {
      return;
    }
    const token = (this._basemapToken = (this._basemapToken || 0) + 1);
    const current = () => token === this._basemapToken;
    if (proxy) {
      // Ask the server first: it answers 200 either way, so an offline server adds no console error.
      fetch(absolute(proxy.replace(/\/$/, '') + '/status'), {credentials: 'same-origin'})
        .then((r) => (r.ok ? r.json() : {available: false}))
        .then((s) => {
          if (!current()) {
            return;
          }
          if (s.available) {
            this._addBase(names, (n) => absolute(proxy.replace(/\/$/, '') + `/${n}/{z}/{x}/{y}`));
          } else {
            this._emit('basemap-error', {reason: 'unavailable'});
          }
        })
        .catch(() => current() && this._emit('basemap-error', {reason: 'unreachable'}));
      return;
    }
    // Direct use of the key: probe one tile first, so that without internet (or with a bad key) the
    // plain background stays, no broken tiles are drawn and only the probe fails.
    const probe = new Image();
    probe.onload = () => current() && this._addBase(names, (n) => tiandituUrl(n, key));
    probe.onerror = () => current() && this._emit('basemap-error', {reason: 'unreachable'});
    probe.src = tiandituUrl(names[0], key).replace('{0-7}', '0').replace('{z}', '1').replace('{x}', '1')
      .replace('{y}', '0');
  }

  _addBase(names, urlOf) {
    let loaded = 0;
    let failed = 0;
    const make = (name, z) => {
      const source = new XYZ({
        url: urlOf(name),
        attributions: '© <a href="https://www.tianditu.gov.cn/" target="_blank" rel="noopener">天地图</a>',
        maxZoom: name === 'ter' ? 14 : 18,
        transition: 150,
      });
      source.on('tileloadend', () => loaded++);
      source.on('tileloaderror', () => {
        failed++;
        if (failed >= 12 && loaded === 0) {
          this._baseLayers.forEach((l) => this._map.removeLayer(l));
          this._baseLayers = [];
          this.classList.remove('has-basemap');
          this._emit('basemap-error', {reason: 'tiles'});
        }
      });
      return new TileLayer({source, zIndex: z, properties: {basemap: name}});
    };
    this._baseLayers = [make(names[0], -2), make(names[1], -1)];
    this._baseLayers.forEach((l) => this._map.addLayer(l));
    this.classList.add('has-basemap');
  }

  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, {detail, bubbles: true, composed: true}));
  }
}

if (!customElements.get('planning-map')) {
  customElements.define('planning-map', PlanningMap);
}
