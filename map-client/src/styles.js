// Data-driven styles of the catalogue layers. Every style function gets an OpenLayers (render)
// feature and the view zoom; styles are cached by key so that a tile of thousands of features
// does not allocate thousands of style objects. What a code means (a hardened surface, centralised
// water supply, the top cold-chain tier) is not decided here: the server sends it with the layer
// (def.codes, from the catalogue's code lists), so the map and the analyses cannot disagree.
import {Circle, Fill, RegularShape, Stroke, Style, Text} from 'ol/style.js';

const cache = new Map();

/**
 * What the feature's code in `field` means, from the layer's `codes` ({field: {value: {rank, traits}}}, as
 * the server sends them): undefined when the layer sent nothing for that field or the value is not a code.
 */
function meaningOf(codes, feature, field) {
  const values = codes && own(codes, field) ? codes[field] : undefined;
  const value = feature.get(field);
  return values && typeof value === 'string' && own(values, value) ? values[value] : undefined;
}

function own(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Whether the feature's code in `field` carries `trait` (e.g. surface → 'hardened'). */
function hasTrait(codes, feature, field, trait) {
  return meaningOf(codes, feature, field)?.traits?.includes(trait) === true;
}

function cached(key, make) {
  let s = cache.get(key);
  if (!s) {
    s = make();
    cache.set(key, s);
  }
  return s;
}

const LABEL_FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const HALO = new Stroke({color: 'rgba(255,255,255,0.92)', width: 3});
const PICK_FILL = new Fill({color: 'rgba(255,255,255,0.01)'}); // clickable inside, invisible

function labelStyle(text, size, weight, color, offsetY = 0) {
  return new Style({
    text: new Text({
      text,
      font: `${weight} ${size}px ${LABEL_FONT}`,
      fill: new Fill({color}),
      stroke: HALO,
      offsetY,
      overflow: true,
    }),
  });
}

/**
 * Administrative boundaries: more and finer lines, and labels, as the zoom grows. Each level's names show
 * from `labelFrom` up to below `labelTo`: zoomed into a few villages, a county or township name at its
 * unit's centre is no help (the breadcrumb says where the map is) and took the place of village names.
 */
const ADMIN = {
  county: {stroke: '#5b2c83', width: (z) => (z < 9 ? 2.2 : 3), dash: undefined, labelFrom: 0, labelTo: 12, labelSize: 15},
  township: {stroke: '#7e57c2', width: (z) => (z < 11 ? 1.2 : 1.8), dash: [6, 4], labelFrom: 9, labelTo: 14, labelSize: 13},
  village: {stroke: '#9e8cc2', width: (z) => (z < 11 ? 0.6 : 1.1), dash: undefined, labelFrom: 11, labelTo: Infinity, labelSize: 12},
};

function adminStyle(id, feature, zoom, isLabel) {
  const a = ADMIN[id];
  if (isLabel) {
    const name = feature.get('name');
    if (!name || zoom < a.labelFrom || zoom >= a.labelTo) {
      return null;
    }
    const weight = id === 'village' ? 'normal' : 'bold';
    const color = id === 'county' ? '#3f1d5c' : id === 'township' ? '#4a2f7a' : '#555';
    return labelStyle(String(name), a.labelSize, weight, color);
  }
  let fill = PICK_FILL;
  let fillKey = 'none';
  if (id === 'village') {
    if (feature.get('key_support') === true) {
      fillKey = 'key';
      fill = new Fill({color: 'rgba(255,152,0,0.16)'});
    } else if (feature.get('demonstration') === true) {
      fillKey = 'demo';
      fill = new Fill({color: 'rgba(67,160,71,0.16)'});
    }
  }
  const width = a.width(zoom);
  return cached(`admin:${id}:${width}:${fillKey}`, () => new Style({
    stroke: new Stroke({color: a.stroke, width, lineDash: a.dash}),
    fill,
    zIndex: 0,
  }));
}

const ROAD_WIDTH = {national: 4.5, provincial: 4, county: 3.2, township: 2.6, village: 2, group: 1.5, household: 1};

/** Hardened: the road's own `hardened` flag, else what its surface code means (as the importer derives it). */
function roadStyle(feature, zoom, codes) {
  const cls = feature.get('admin_class') || 'village';
  const hardened = feature.get('hardened') === true
    || (feature.get('hardened') == null && hasTrait(codes, feature, 'surface', 'hardened'));
  const factor = zoom < 10 ? 0.55 : zoom < 13 ? 0.8 : 1.2;
  const width = Math.round((ROAD_WIDTH[cls] || 1.5) * factor * 10) / 10;
  const major = cls === 'national' || cls === 'provincial';
  return cached(`road:${cls}:${hardened}:${width}`, () => {
    const color = hardened ? (major ? '#d84315' : '#ef7d22') : '#8d6e63';
    const styles = [];
    if (hardened && major && zoom >= 11) {
      styles.push(new Style({stroke: new Stroke({color: '#fff', width: width + 2})}));
    }
    styles.push(new Style({
      stroke: new Stroke({color, width, lineDash: hardened ? undefined : [4, 3], lineCap: 'round'}),
    }));
    return styles;
  });
}

/** Road status in the latest road-access run: the connected network, isolated fragments, not hardened, 通返不通. */
const ACCESS_ROAD = {
  network: {color: '#1b5e20'},
  fragment: {color: '#fb8c00'},
  unhardened: {color: '#9e9e9e', dash: [4, 3]},
  impassable: {color: '#e53935'},
};

function accessRoadStyle(feature, zoom) {
  const status = ACCESS_ROAD[feature.get('status')] ? feature.get('status') : 'unhardened';
  const a = ACCESS_ROAD[status];
  const width = zoom < 12 ? 1.5 : zoom < 14 ? 2.2 : 3;
  return cached(`access_road:${status}:${width}`, () => new Style({
    stroke: new Stroke({color: a.color, width: status === 'impassable' ? width + 1 : width, lineDash: a.dash,
      lineCap: 'round'}),
    zIndex: status === 'network' ? 1 : 2,
  }));
}

/** Road-access gaps: circles growing with the population left out, the rank as a label when zoomed in. */
const GAP_SIZES = [[500, 12], [200, 10], [100, 8], [50, 6.5], [0, 5]];

function gapStyle(feature, zoom) {
  const population = Number(feature.get('population')) || 0;
  // half size below z11: at city scale thousands of gaps would otherwise cover the map in one red blot
  const full = GAP_SIZES.find(([min]) => population >= min)[1];
  const radius = zoom < 11 ? Math.max(2.5, full / 2) : full;
  const kind = feature.get('kind') === 'household_cluster' ? 'cluster' : 'village';
  const circle = cached(`gap:${kind}:${radius}`, () => new Style({
    image: new Circle({
      radius,
      fill: new Fill({color: kind === 'cluster' ? 'rgba(244,81,30,0.55)' : 'rgba(198,40,40,0.6)'}),
      stroke: new Stroke({color: '#b71c1c', width: 1.5}),
      declutterMode: 'none',
    }),
    zIndex: 3,
  }));
  const rank = feature.get('rank');
  if (zoom >= 11 && rank != null) {
    return [circle, labelStyle(`#${rank}`, 11, 'bold', '#b71c1c', -radius - 8)];
  }
  return circle;
}

/**
 * Results of the facility analyses. Findings by severity (高 red, 中 orange, 低 amber); gaps by what is missing;
 * uncovered households small and red (poverty-exited and monitored ones darker); suggested sites as stars, the
 * first candidate of a unit larger, its rank as a label when zoomed in.
 */
const SEVERITY_COLOR = {high: '#c62828', medium: '#ef6c00', low: '#f9a825'};
const GAP_KIND_COLOR = {
  township_no_plant: '#6a1b9a', over_capacity: '#ef6c00', village_untreated: '#8d6e63',
  county_no_warehouse: '#b71c1c', township_no_centre: '#d84315', village_no_outlet: '#f57c00',
  village_no_courier: '#8e24aa',
};
const MODE_COLOR = {connect_town: '#1565c0', village_central: '#2e7d32', small_units: '#757575'};
const SITE_COLOR = {water_site: '#0277bd', sewage_site: '#6d4c41', logistics_site: '#00897b'};
const FINDING_LAYERS = new Set(['water_household', 'water_duty', 'sewage_household', 'sewage_gap', 'logistics_gap',
  'sanitation_gap',
  'water_site', 'sewage_site', 'logistics_site']);

function findingColor(id, feature) {
  switch (id) {
    case 'water_household': {
      const p = feature.get('poverty_status');
      return p === 'exited' || p === 'monitored' ? '#8e0000' : '#e53935';
    }
    case 'sewage_household':
      return '#a1887f';
    case 'water_duty':
    case 'sanitation_gap':
      return SEVERITY_COLOR[feature.get('severity')] || '#c62828';
    case 'sewage_gap':
      return feature.get('kind') === 'village_untreated'
        ? MODE_COLOR[feature.get('mode')] || GAP_KIND_COLOR.village_untreated
        : GAP_KIND_COLOR[feature.get('kind')] || '#6a1b9a';
    case 'logistics_gap':
      return GAP_KIND_COLOR[feature.get('kind')] || '#d84315';
    default:
      return SITE_COLOR[id] || '#37474f';
  }
}

function findingStyle(id, feature, zoom) {
  const color = findingColor(id, feature);
  if (id.endsWith('_site')) {
    const rank = Number(feature.get('rank')) || 1;
    const radius = rank === 1 ? 9 : 7;
    const star = cached(`site:${color}:${radius}`, () => new Style({
      image: new RegularShape({
        points: 5, radius, radius2: radius / 2.2, angle: 0,
        fill: new Fill({color}), stroke: new Stroke({color: '#fff', width: 1.2}), declutterMode: 'none',
      }),
      zIndex: 4,
    }));
    return zoom >= 12 ? [star, labelStyle(`#${rank}`, 11, 'bold', color, -radius - 8)] : star;
  }
  const household = id.endsWith('_household');
  const big = !household && (feature.get('kind') === 'county_no_warehouse' || feature.get('kind') === 'township_no_centre'
    || feature.get('kind') === 'township_no_plant');
  const radius = household ? 3 : big ? 8 : 6;
  return cached(`finding:${color}:${radius}`, () => new Style({
    image: new Circle({
      radius,
      fill: new Fill({color}),
      stroke: new Stroke({color: '#fff', width: household ? 0.8 : 1.4}),
      declutterMode: 'none',
    }),
    zIndex: household ? 2 : 3,
  }));
}

/** Point layers: a circle each, coloured by layer and by a telling attribute. */
const POINTS = {
  township_seat: {color: '#5b2c83', radius: 5, labelFrom: 9},
  natural_village: {color: '#795548', radius: 3.5, labelFrom: 13},
  household: {color: '#90a4ae', radius: 2.5},
  bus_stop: {color: '#1e88e5', radius: 4},
  water_work: {color: '#0277bd', radius: 6, labelFrom: 12},
  sewage_facility: {color: '#6d4c41', radius: 5, labelFrom: 13},
  cold_chain_site: {color: '#00897b', radius: 6, labelFrom: 12},
  courier_point: {color: '#8e24aa', radius: 4},
  access_household: {color: '#e53935', radius: 3},
};

/** Facility status (运行 / 在建 / 规划 / 停运) by colour, the same for every facility layer. */
const STATUS_COLOR = {building: '#ffb300', planned: '#bdbdbd', stopped: '#e53935'};
/** Households served by centralised water supply (the water_kind code's trait) and the others. */
const SERVED = '#1e88e5';
const UNSERVED = '#e53935';

function pointColor(id, feature, base, variant, codes) {
  if (id === 'household') {
    if (variant === 'water') {
      return hasTrait(codes, feature, 'water_source', 'centralised') ? SERVED : UNSERVED;
    }
    const p = feature.get('poverty_status');
    return p === 'monitored' ? '#e53935' : p === 'exited' ? '#fb8c00' : base;
  }
  return STATUS_COLOR[feature.get('status')] || base;
}

function pointStyle(id, feature, zoom, variant, codes) {
  const p = POINTS[id] || {color: '#37474f', radius: 4};
  const color = pointColor(id, feature, p.color, variant, codes);
  // the top tier of an ordered tier list (the county warehouses) is drawn larger
  const top = id === 'cold_chain_site' && meaningOf(codes, feature, 'tier')?.rank === 1;
  const radius = top ? p.radius + 2 : p.radius;
  const circle = cached(`point:${color}:${radius}`, () => new Style({
    image: new Circle({
      radius,
      fill: new Fill({color}),
      stroke: new Stroke({color: '#fff', width: radius > 3 ? 1.2 : 0.8}),
      declutterMode: 'none',
    }),
  }));
  const name = feature.get('name');
  if (p.labelFrom !== undefined && zoom >= p.labelFrom && name) {
    return [circle, labelStyle(String(name), 12, 'normal', '#333', -radius - 9)];
  }
  return circle;
}

const LAND_USE = [
  ['0703', '#f5a97f'], ['0704', '#e57373'], ['0601', '#bcaaa4'], ['0602', '#dce775'], ['1101', '#b39ddb'],
  ['1202', '#b0bec5'], ['1301', '#64b5f6'], ['1302', '#4fc3f7'], ['1309', '#a1887f'],
  ['01', '#f4e285'], ['02', '#c5e1a5'], ['03', '#81c784'], ['04', '#aed581'], ['05', '#80deea'], ['06', '#dce775'],
  ['07', '#f8bbd0'], ['08', '#ef9a9a'], ['09', '#ffab91'], ['10', '#bcaaa4'], ['11', '#b39ddb'], ['12', '#cfd8dc'],
  ['13', '#90caf9'], ['14', '#a5d6a7'], ['15', '#b0bec5'], ['16', '#eeeeee'], ['17', '#81d4fa'],
];

function landUseColor(code) {
  const c = String(code || '');
  const hit = LAND_USE.find(([prefix]) => c.startsWith(prefix));
  return hit ? hit[1] : '#e0e0e0';
}

/** Village plans by stage (未启动 / 编制中 / 待审查 / 已批复 / 已入库). */
const PLAN_STATUS = {
  not_started: {stroke: '#9e9e9e', fill: 'rgba(158,158,158,0.10)'},
  compiling: {stroke: '#ef6c00', fill: 'rgba(255,167,38,0.14)'},
  reviewing: {stroke: '#1565c0', fill: 'rgba(66,165,245,0.14)'},
  approved: {stroke: '#2e7d32', fill: 'rgba(67,160,71,0.14)'},
  entered: {stroke: '#00695c', fill: 'rgba(0,137,123,0.16)'},
};

/** Other polygon and line layers, by layer. */
const AREAS = {
  village_plan: {stroke: '#2e7d32', width: 1.5, fill: 'rgba(46,125,50,0.08)'},
  water_service_area: {stroke: '#0288d1', width: 1, fill: 'rgba(3,169,244,0.12)'},
  sewage_service_area: {stroke: '#795548', width: 1, fill: 'rgba(121,85,72,0.12)'},
  basic_farmland: {stroke: '#f9a825', width: 0.5, fill: 'rgba(255,235,59,0.35)'},
  ecological_redline: {stroke: '#e53935', width: 1.5, fill: 'rgba(229,57,53,0.12)'},
  town_development_boundary: {stroke: '#8e24aa', width: 2, dash: [8, 4]},
  water_pipe: {stroke: '#0288d1', width: 1.5},
  sewage_pipe: {stroke: '#6d4c41', width: 1.5, dash: [5, 3]},
};

function areaStyle(id, feature, zoom, isLabel) {
  if (isLabel) {
    const name = feature.get('name');
    return name && zoom >= 12 ? labelStyle(String(name), 12, 'normal', '#2e4d2e') : null;
  }
  if (id === 'plan_land_use') {
    const color = landUseColor(feature.get('land_use_code'));
    const planned = feature.get('state') === 'planned';
    return cached(`landuse:${color}:${planned}`, () => new Style({
      fill: new Fill({color: color + (planned ? 'cc' : '88')}),
      stroke: new Stroke({color: '#ffffff', width: 0.5}),
    }));
  }
  if (id === 'village_plan' && PLAN_STATUS[feature.get('status')]) {
    const status = feature.get('status');
    const ps = PLAN_STATUS[status];
    return cached(`plan:${status}`, () => new Style({
      stroke: new Stroke({color: ps.stroke, width: 1.5}),
      fill: new Fill({color: ps.fill}),
    }));
  }
  const a = AREAS[id] || {stroke: '#546e7a', width: 1, fill: 'rgba(84,110,122,0.08)'};
  return cached(`area:${id}`, () => new Style({
    stroke: new Stroke({color: a.stroke, width: a.width, lineDash: a.dash}),
    fill: a.fill ? new Fill({color: a.fill}) : PICK_FILL,
  }));
}

/**
 * The style function of a catalogue layer, from its definition as the element gets it ({id, geometry,
 * codes}). Features of the `<id>_label` MVT layer are label points of the polygons (one per polygon,
 * however many tiles it spans).
 */
export function styleFor(def, zoomOf, variantOf = () => undefined) {
  const layerId = def.id;
  const geometry = def.geometry;
  const codes = def.codes || {};
  return (feature, resolution) => {
    const zoom = zoomOf(resolution);
    const isLabel = String(feature.get('layer') || '').endsWith('_label');
    if (ADMIN[layerId]) {
      return adminStyle(layerId, feature, zoom, isLabel);
    }
    if (layerId === 'road') {
      return roadStyle(feature, zoom, codes);
    }
    if (layerId === 'access_road') {
      return accessRoadStyle(feature, zoom);
    }
    if (layerId === 'access_gap') {
      return gapStyle(feature, zoom);
    }
    if (FINDING_LAYERS.has(layerId)) {
      return findingStyle(layerId, feature, zoom);
    }
    if (geometry === 'POINT') {
      return pointStyle(layerId, feature, zoom, variantOf(), codes);
    }
    return areaStyle(layerId, feature, zoom, isLabel);
  };
}

/** Layers whose tiles carry labels: they are decluttered together. */
export function hasLabels(layerId, geometry) {
  return Boolean(ADMIN[layerId]) || (geometry === 'POINT' && POINTS[layerId]?.labelFrom !== undefined)
    || layerId === 'village_plan' || layerId === 'access_gap';
}

/** Style variants a layer offers (the first is the default). */
export const VARIANTS = {household: ['poverty', 'water']};

/**
 * The legend of a layer, from the same tables as the styles above: entries of {key, kind, props},
 * where key is a translation key (null: the layer's own title), kind the sample geometry
 * (point, line, polygon) and props the attributes of a sample feature the style function draws.
 */
export function legendEntries(layerId, geometry, variant) {
  const kind = geometry === 'POINT' ? 'point' : geometry === 'MULTILINESTRING' ? 'line' : 'polygon';
  const one = (key, props = {}) => ({key, kind, props});
  switch (layerId) {
    case 'county':
    case 'township':
      return [one(null)];
    case 'village':
      return [one('legend.village.plain'), one('legend.village.key-support', {key_support: true}),
        one('legend.village.demonstration', {demonstration: true})];
    case 'road':
      return [one('legend.road.hardened-major', {admin_class: 'national', hardened: true}),
        one('legend.road.hardened-county', {admin_class: 'county', hardened: true}),
        one('legend.road.hardened-village', {admin_class: 'village', hardened: true}),
        one('legend.road.hardened-group', {admin_class: 'group', hardened: true}),
        one('legend.road.unhardened', {admin_class: 'village', hardened: false})];
    case 'household':
      return variant === 'water'
        ? [one('legend.household.served', {water_source: 'integrated'}),
          one('legend.household.unserved', {water_source: 'dispersed'})]
        : [one('legend.household.none', {poverty_status: 'none'}),
          one('legend.household.exited', {poverty_status: 'exited'}),
          one('legend.household.monitored', {poverty_status: 'monitored'})];
    case 'access_household':
      return [one('legend.access.household')];
    case 'access_road':
      return [one('legend.access.road.network', {status: 'network'}),
        one('legend.access.road.fragment', {status: 'fragment'}),
        one('legend.access.road.unhardened', {status: 'unhardened'}),
        one('legend.access.road.impassable', {status: 'impassable'})];
    case 'access_gap':
      return [one('legend.access.gap.large', {kind: 'natural_village', population: 500}),
        one('legend.access.gap.small', {kind: 'natural_village', population: 30}),
        one('legend.access.gap.cluster', {kind: 'household_cluster', population: 30})];
    case 'water_household':
      return [one('legend.water.household.poverty', {poverty_status: 'monitored'}),
        one('legend.water.household.other', {poverty_status: 'none'})];
    case 'water_duty':
    case 'sanitation_gap':
      return [one('legend.severity.high', {severity: 'high'}), one('legend.severity.medium', {severity: 'medium'}),
        one('legend.severity.low', {severity: 'low'})];
    case 'sewage_household':
      return [one('legend.sewage.household')];
    case 'sewage_gap':
      return [one('legend.sewage.gap.no-plant', {kind: 'township_no_plant'}),
        one('legend.sewage.gap.over-capacity', {kind: 'over_capacity'}),
        one('legend.sewage.mode.connect-town', {kind: 'village_untreated', mode: 'connect_town'}),
        one('legend.sewage.mode.village-central', {kind: 'village_untreated', mode: 'village_central'}),
        one('legend.sewage.mode.small-units', {kind: 'village_untreated', mode: 'small_units'})];
    case 'logistics_gap':
      return [one('legend.logistics.gap.county', {kind: 'county_no_warehouse'}),
        one('legend.logistics.gap.township', {kind: 'township_no_centre'}),
        one('legend.logistics.gap.outlet', {kind: 'village_no_outlet'}),
        one('legend.logistics.gap.courier', {kind: 'village_no_courier'})];
    case 'water_site':
    case 'sewage_site':
    case 'logistics_site':
      return [one('legend.site.first', {rank: 1}), one('legend.site.other', {rank: 2})];
    case 'sewage_facility':
    case 'cold_chain_site':
      return [one('legend.status.operating', {status: 'operating'}), one('legend.status.building', {status: 'building'}),
        one('legend.status.planned', {status: 'planned'}), one('legend.status.stopped', {status: 'stopped'})];
    case 'village_plan':
      return [one('legend.plan.not-started', {status: 'not_started'}), one('legend.plan.compiling', {status: 'compiling'}),
        one('legend.plan.reviewing', {status: 'reviewing'}), one('legend.plan.approved', {status: 'approved'}),
        one('legend.plan.entered', {status: 'entered'})];
    case 'plan_land_use':
      return [one('legend.land-use.cropland', {land_use_code: '01', state: 'planned'}),
        one('legend.land-use.forest', {land_use_code: '03', state: 'planned'}),
        one('legend.land-use.homestead', {land_use_code: '0703', state: 'planned'}),
        one('legend.land-use.public', {land_use_code: '08', state: 'planned'}),
        one('legend.land-use.water', {land_use_code: '17', state: 'planned'})];
    default:
      return [one(null)];
  }
}
