// The editing session of <planning-map>: one layer's features of the current view as vectors, the tools that
// change them (draw, modify vertices, move, delete, split, merge, select), snapping, and an undo/redo stack.
// Nothing is written here: the element reports what changed (edit-save) and asks the server to compute splits and
// merges (edit-split, edit-merge), whose answers come back through applySplit/applyMerge. See planning-map.js for
// the element's methods and events.
import Feature from 'ol/Feature.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Draw from 'ol/interaction/Draw.js';
import Modify from 'ol/interaction/Modify.js';
import Snap from 'ol/interaction/Snap.js';
import Translate from 'ol/interaction/Translate.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import {unByKey} from 'ol/Observable.js';
import {Circle, Fill, Stroke, Style, Text} from 'ol/style.js';

const FORMAT = new GeoJSON();
const PROJ = {dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857'};
const TOOLS = ['select', 'draw', 'modify', 'move', 'delete', 'split', 'merge'];

const EDIT_STYLE = new Style({
  image: new Circle({radius: 6, fill: new Fill({color: '#ff6f00'}), stroke: new Stroke({color: '#fff', width: 2})}),
  stroke: new Stroke({color: '#ff6f00', width: 2}),
  fill: new Fill({color: 'rgba(255, 111, 0, 0.12)'}),
});
const SELECTED_STYLE = new Style({
  image: new Circle({radius: 8, fill: new Fill({color: '#00b8d4'}), stroke: new Stroke({color: '#fff', width: 2})}),
  stroke: new Stroke({color: '#00b8d4', width: 3.5}),
  fill: new Fill({color: 'rgba(0, 184, 212, 0.2)'}),
  zIndex: 10,
});
const SNAP_STYLE = new Style({stroke: new Stroke({color: 'rgba(0,0,0,0)', width: 1})});

function problemStyle(feature) {
  return new Style({
    image: new Circle({radius: 8, fill: new Fill({color: '#c62828'}), stroke: new Stroke({color: '#fff', width: 2})}),
    text: new Text({
      text: String(feature.get('message') || ''),
      offsetY: -18,
      font: '12px sans-serif',
      fill: new Fill({color: '#b71c1c'}),
      stroke: new Stroke({color: '#fff', width: 3}),
      overflow: true,
    }),
  });
}

function geometryJson(geometry) {
  return FORMAT.writeGeometryObject(geometry, {...PROJ, decimals: 8});
}

function sameGeometry(a, b) {
  return JSON.stringify(geometryJson(a)) === JSON.stringify(geometryJson(b));
}

/** The draw type of a stored geometry kind. */
function drawType(kind) {
  const k = String(kind || '').toUpperCase();
  return k.includes('POINT') ? 'Point' : k.includes('LINE') ? 'LineString' : 'Polygon';
}

export class EditSession {
  /**
   * @param host   the element: attributes and events
   * @param map    the OpenLayers map
   * @param layer  {layer, geometry}: the layer id and its stored geometry kind
   * @param refresh called when the features the tile layer must hide change
   */
  constructor(host, map, layer, refresh) {
    this.host = host;
    this.map = map;
    this.layerId = layer.layer;
    this.kind = layer.geometry;
    this.refresh = refresh;
    this.source = new VectorSource();
    this.layer = new VectorLayer({
      source: this.source,
      zIndex: 1500,
      style: (f) => (f.get('key') === this.selected ? SELECTED_STYLE : EDIT_STYLE),
      properties: {editing: true},
    });
    this.problems = new VectorLayer({source: new VectorSource(), zIndex: 1600, style: problemStyle});
    this.snapSources = new Map(); // layer id -> {source, layer, on}
    this.originals = new Map(); // key -> geometry as loaded (existing features only), or null once deleted
    this.undoStack = [];
    this.redoStack = [];
    this.counter = 0;
    this.selected = null;
    this.tool = 'select';
    this.interactions = [];
    map.addLayer(this.layer);
    map.addLayer(this.problems);
    this._onKey = (e) => this._key(e);
    document.addEventListener('keydown', this._onKey);
    this._clickKey = map.on('singleclick', (e) => this._click(e));
    this.setTool('select');
    this._report();
  }

  // ---- features --------------------------------------------------------------------------------

  /** The features of the view: those not touched in this session are replaced, the touched ones stay. */
  setFeatures(geojson) {
    const incoming = FORMAT.readFeatures(geojson, PROJ);
    const keep = new Set(this.originals.keys());
    for (const f of this.source.getFeatures()) {
      if (!f.get('isNew') && !keep.has(f.get('key'))) {
        this.source.removeFeature(f);
      }
    }
    for (const f of incoming) {
      const key = String(f.getId());
      if (keep.has(key)) {
        continue; // changed here, or deleted here: the session's state wins until it is saved or cancelled
      }
      f.set('key', key);
      f.set('id', Number(f.getId()));
      this.source.addFeature(f);
    }
    this.refresh();
    this._report();
  }

  /** Features to snap to, of another layer (or of the edited layer beyond the view). */
  setSnapFeatures(layerId, geojson) {
    let s = this.snapSources.get(layerId);
    if (!s) {
      const source = new VectorSource();
      s = {source, layer: new VectorLayer({source, style: SNAP_STYLE, zIndex: 1400}), on: true};
      this.snapSources.set(layerId, s);
      this.map.addLayer(s.layer);
    }
    s.source.clear();
    s.source.addFeatures(FORMAT.readFeatures(geojson, PROJ));
    this._resnap();
  }

  setSnapping(layerId, on) {
    if (layerId === this.layerId) {
      this.snapOwn = Boolean(on);
    } else {
      const s = this.snapSources.get(layerId);
      if (s) {
        s.on = Boolean(on);
      }
    }
    this._resnap();
  }

  /** Whether the tile layer must hide this feature (the session draws it, changed, or it was deleted). */
  hides(id) {
    return this.originals.has(String(id)) || this.source.getFeatureById(id) !== null;
  }

  // ---- tools -----------------------------------------------------------------------------------

  setTool(tool) {
    this.tool = TOOLS.includes(tool) ? tool : 'select';
    this.interactions.forEach((i) => this.map.removeInteraction(i));
    this.interactions = [];
    this.draw = null;
    this.mergeFirst = null;
    switch (this.tool) {
      case 'draw': this._drawTool(drawType(this.kind), (g) => this._added(g)); break;
      case 'split': this._drawTool('LineString', (g) => this._splitLine(g)); break;
      case 'modify': this._modifyTool(); break;
      case 'move': this._moveTool(); break;
      default: break;
    }
    this._resnap();
    this.host.setAttribute('data-edit-tool', this.tool);
  }

  _drawTool(type, done) {
    this.draw = new Draw({type, snapTolerance: 12});
    this.draw.on('drawend', (e) => done(e.feature.getGeometry()));
    this.interactions.push(this.draw);
    this.map.addInteraction(this.draw);
  }

  _modifyTool() {
    const modify = new Modify({source: this.source});
    let before = null;
    modify.on('modifystart', (e) => {
      before = new Map(e.features.getArray().map((f) => [f, f.getGeometry().clone()]));
    });
    modify.on('modifyend', (e) => {
      const changes = e.features.getArray()
        .filter((f) => before?.has(f) && !sameGeometry(before.get(f), f.getGeometry()))
        .map((f) => this._geometryChange(f, before.get(f), f.getGeometry().clone()));
      before = null;
      if (changes.length) {
        this._push(changes, false);
      }
    });
    this.interactions.push(modify);
    this.map.addInteraction(modify);
  }

  _moveTool() {
    const translate = new Translate({layers: [this.layer], hitTolerance: 4});
    let before = null;
    translate.on('translatestart', (e) => {
      before = new Map(e.features.getArray().map((f) => [f, f.getGeometry().clone()]));
    });
    translate.on('translateend', (e) => {
      const changes = e.features.getArray()
        .filter((f) => before?.has(f))
        .map((f) => this._geometryChange(f, before.get(f), f.getGeometry().clone()));
      before = null;
      if (changes.length) {
        this._push(changes, false);
      }
    });
    this.interactions.push(translate);
    this.map.addInteraction(translate);
  }

  /** Snap interactions go last, after the tool, so that they see the pointer first (as OpenLayers requires). */
  _resnap() {
    (this.snaps || []).forEach((s) => this.map.removeInteraction(s));
    this.snaps = [];
    if (!['draw', 'modify', 'split', 'move'].includes(this.tool)) {
      this.host.setAttribute('data-edit-snap', '');
      return;
    }
    const on = [];
    if (this.snapOwn !== false) {
      this.snaps.push(new Snap({source: this.source, pixelTolerance: 12}));
      on.push(this.layerId);
    }
    for (const [id, s] of this.snapSources) {
      if (s.on && id !== this.layerId) {
        this.snaps.push(new Snap({source: s.source, pixelTolerance: 12}));
        on.push(id);
      }
    }
    this.snaps.forEach((s) => this.map.addInteraction(s));
    this.host.setAttribute('data-edit-snap', on.join(','));
  }

  // ---- clicks and keys -------------------------------------------------------------------------

  _featureAt(pixel) {
    let hit = null;
    this.map.forEachFeatureAtPixel(pixel, (f) => {
      hit = f;
      return true;
    }, {layerFilter: (l) => l === this.layer, hitTolerance: 4});
    return hit;
  }

  _click(e) {
    if (this.tool === 'draw' || this.tool === 'split' || this.tool === 'move') {
      return;
    }
    const f = this._featureAt(e.pixel);
    if (this.tool === 'delete') {
      if (f) {
        this._remove(f);
      }
      return;
    }
    if (this.tool === 'merge') {
      this._mergeClick(f);
      return;
    }
    this.select(f ? f.get('key') : null);
  }

  _key(e) {
    const target = e.composedPath ? e.composedPath()[0] : e.target;
    const tag = (target?.tagName || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || target?.isContentEditable) {
      return; // typing in the form
    }
    const ctrl = e.ctrlKey || e.metaKey;
    const k = e.key.toLowerCase();
    if (ctrl && k === 'z' && !e.shiftKey) {
      this.undo();
    } else if (ctrl && (k === 'y' || (k === 'z' && e.shiftKey))) {
      this.redo();
    } else if (e.key === 'Delete' && this.selected) {
      const f = this._byKey(this.selected);
      if (f) {
        this._remove(f);
      }
    } else if (e.key === 'Escape') {
      if (this.draw) {
        this.draw.abortDrawing();
      }
      this.mergeFirst = null;
      this.select(null);
    } else if (e.key === 'Enter' && this.draw) {
      this.draw.finishDrawing();
    } else {
      return;
    }
    e.preventDefault();
  }

  select(key) {
    this.selected = key ?? null;
    this.layer.changed();
    this.host.setAttribute('data-edit-selected', this.selected ?? '');
    const f = this.selected === null ? null : this._byKey(this.selected);
    if (f && !f.get('isNew')) {
      this._touch(f);
    }
    this.host._emit('edit-select', {
      key: this.selected,
      id: f && !f.get('isNew') ? f.get('id') : null,
      isNew: Boolean(f?.get('isNew')),
      copyOf: f?.get('copyOf') ?? null,
    });
  }

  // ---- changes as commands ---------------------------------------------------------------------

  _byKey(key) {
    return this.source.getFeatures().find((f) => f.get('key') === key) || null;
  }

  /** The first change of a stored feature: its geometry as loaded is kept, and the server is told its version. */
  _touch(f) {
    const key = f.get('key');
    if (!f.get('isNew') && !this.originals.has(key)) {
      this.originals.set(key, f.getGeometry().clone());
      this.host._emit('edit-touch', {key, id: f.get('id')});
    }
  }

  _geometryChange(f, before, after) {
    this._touch(f);
    return {
      undo: () => f.setGeometry(before.clone()),
      redo: () => f.setGeometry(after.clone()),
    };
  }

  _addition(f) {
    return {
      undo: () => this.source.removeFeature(f),
      redo: () => this.source.addFeature(f),
    };
  }

  _removal(f) {
    this._touch(f);
    return {
      undo: () => this.source.addFeature(f),
      redo: () => this.source.removeFeature(f),
    };
  }

  /** Records changes as one step; `apply` when they are not yet done (an addition, a removal, a split). */
  _push(changes, apply) {
    const step = {
      undo: () => [...changes].reverse().forEach((c) => c.undo()),
      redo: () => changes.forEach((c) => c.redo()),
    };
    if (apply) {
      step.redo();
    }
    this.undoStack.push(step);
    this.redoStack = [];
    this._changed();
  }

  _newFeature(geometry, copyOf) {
    const key = 'n' + (++this.counter);
    const f = new Feature({geometry});
    f.set('key', key);
    f.set('isNew', true);
    if (copyOf) {
      f.set('copyOf', copyOf);
    }
    return f;
  }

  _added(geometry) {
    const f = this._newFeature(geometry, null);
    this._push([this._addition(f)], true);
    this.select(f.get('key'));
  }

  _remove(f) {
    if (this.selected === f.get('key')) {
      this.select(null);
    }
    this._push([this._removal(f)], true);
  }

  undo() {
    const step = this.undoStack.pop();
    if (step) {
      step.undo();
      this.redoStack.push(step);
      this._changed();
    }
  }

  redo() {
    const step = this.redoStack.pop();
    if (step) {
      step.redo();
      this.undoStack.push(step);
      this._changed();
    }
  }

  // ---- split and merge, computed by the server -------------------------------------------------

  _splitLine(line) {
    // the polygons the line runs through (the server decides whether it crosses); the selected one first
    const samples = [];
    const coords = line.getCoordinates();
    for (let i = 1; i < coords.length; i++) {
      for (let t = 0; t <= 32; t++) {
        samples.push([coords[i - 1][0] + (coords[i][0] - coords[i - 1][0]) * t / 32,
          coords[i - 1][1] + (coords[i][1] - coords[i - 1][1]) * t / 32]);
      }
    }
    const candidates = this.source.getFeaturesInExtent(line.getExtent())
      .filter((f) => f.getGeometry().getType().includes('Polygon'))
      .filter((f) => samples.some((c) => f.getGeometry().intersectsCoordinate(c)));
    const target = candidates.find((f) => f.get('key') === this.selected) || candidates[0];
    if (!target) {
      this.host._emit('edit-refused', {reason: 'line_does_not_cross'});
      return;
    }
    this.host._emit('edit-split', {
      key: target.get('key'),
      geometryJson: JSON.stringify(geometryJson(target.getGeometry())),
      lineJson: JSON.stringify(geometryJson(line)),
    });
  }

  /** The server's parts of a split: the first replaces the feature's shape, the others are new features. */
  applySplit(answer) {
    const f = this._byKey(answer.key);
    if (!f || !answer.parts?.length) {
      return;
    }
    const parts = answer.parts.map((g) => FORMAT.readGeometry(g, PROJ));
    const changes = [this._geometryChange(f, f.getGeometry().clone(), parts[0])];
    const copyOf = f.get('copyOf') || f.get('key');
    for (const g of parts.slice(1)) {
      changes.push(this._addition(this._newFeature(g, copyOf)));
    }
    this._push(changes, true);
    this.select(f.get('key'));
  }

  _mergeClick(f) {
    if (!f) {
      return;
    }
    if (!this.mergeFirst || this.mergeFirst === f) {
      this.mergeFirst = f;
      this.select(f.get('key'));
      return;
    }
    const a = this.mergeFirst;
    this.mergeFirst = null;
    this.host._emit('edit-merge', {
      keep: a.get('key'),
      remove: f.get('key'),
      aJson: JSON.stringify(geometryJson(a.getGeometry())),
      bJson: JSON.stringify(geometryJson(f.getGeometry())),
    });
  }

  /** The server's merge: `keep` takes the merged shape, `remove` is deleted. */
  applyMerge(answer) {
    const keep = this._byKey(answer.keep);
    const remove = this._byKey(answer.remove);
    if (!keep || !remove) {
      return;
    }
    const merged = FORMAT.readGeometry(answer.geometry, PROJ);
    this._push([this._geometryChange(keep, keep.getGeometry().clone(), merged), this._removal(remove)], true);
    this.select(keep.get('key'));
  }

  // ---- saving ----------------------------------------------------------------------------------

  /** What changed since loading: insertions, updates (the geometry differs) and deletions. */
  changes() {
    const out = [];
    const present = new Set();
    for (const f of this.source.getFeatures()) {
      const key = f.get('key');
      present.add(key);
      if (f.get('isNew')) {
        out.push({op: 'insert', key, copyOf: f.get('copyOf') ?? null, geometry: geometryJson(f.getGeometry())});
      } else if (this.originals.has(key) && !sameGeometry(this.originals.get(key), f.getGeometry())) {
        out.push({op: 'update', key, id: f.get('id'), geometry: geometryJson(f.getGeometry())});
      }
    }
    for (const key of this.originals.keys()) {
      if (!present.has(key)) {
        out.push({op: 'delete', key, id: Number(key)});
      }
    }
    return out;
  }

  /**
   * The server saved some changes: {saved: [{key, id}]} (a new feature's key gets its stored id). Saved features
   * are as loaded again; the undo stack is cleared when everything was saved.
   */
  saved(answer) {
    for (const {key, id} of answer.saved || []) {
      const f = this._byKey(key);
      this.originals.delete(key);
      if (f && id !== undefined && id !== null) {
        f.set('key', String(id));
        f.set('id', Number(id));
        f.set('isNew', false);
        f.unset('copyOf');
        f.setId(Number(id));
        if (this.selected === key) {
          this.selected = String(id);
        }
      }
    }
    if (this.changes().length === 0) {
      this.undoStack = [];
      this.redoStack = [];
    }
    this._changed();
  }

  /** Puts one feature back to a stored state: {key, geometry}. */
  revert(answer) {
    let f = this._byKey(answer.key);
    if (!f && this.originals.has(answer.key)) {
      f = new Feature({geometry: this.originals.get(answer.key).clone()}); // deleted here: back it comes
      f.set('key', answer.key);
      f.set('id', Number(answer.key));
      f.setId(Number(answer.key));
      this.source.addFeature(f);
    }
    if (f && answer.geometry) {
      f.setGeometry(FORMAT.readGeometry(answer.geometry, PROJ));
    }
    this.originals.delete(answer.key);
    this.undoStack = [];
    this.redoStack = [];
    this._changed();
  }

  /** Problems to show where they are: [{lon, lat, message}]. */
  setProblems(list) {
    const source = this.problems.getSource();
    source.clear();
    source.addFeatures((list || []).map((p) => FORMAT.readFeature({
      type: 'Feature', geometry: {type: 'Point', coordinates: [p.lon, p.lat]}, properties: {message: p.message},
    }, PROJ)));
    this.host.setAttribute('data-edit-problems', String(source.getFeatures().length));
  }

  _changed() {
    this.layer.changed();
    this.refresh();
    this._report();
    this.host._emit('edit-change', {
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      changes: this.changes().length,
    });
  }

  _report() {
    this.host.setAttribute('data-edit-features', String(this.source.getFeatures().length));
    this.host.setAttribute('data-edit-undo', String(this.undoStack.length));
    this.host.setAttribute('data-edit-redo', String(this.redoStack.length));
    this.host.setAttribute('data-edit-changes', String(this.changes().length));
  }

  stop() {
    this.interactions.forEach((i) => this.map.removeInteraction(i));
    (this.snaps || []).forEach((s) => this.map.removeInteraction(s));
    this.map.removeLayer(this.layer);
    this.map.removeLayer(this.problems);
    this.snapSources.forEach((s) => this.map.removeLayer(s.layer));
    document.removeEventListener('keydown', this._onKey);
    unByKey(this._clickKey);
    ['data-editing', 'data-edit-tool', 'data-edit-features', 'data-edit-undo', 'data-edit-redo', 'data-edit-changes',
      'data-edit-selected', 'data-edit-snap', 'data-edit-problems'].forEach((a) => this.host.removeAttribute(a));
  }
}
