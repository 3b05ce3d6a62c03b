/*
 * The dashboard's elements, bundled by esbuild into META-INF/resources/map/dashboard.js.
 *
 * <indicator-choropleth>: property `data` (JSON): a GeoJSON FeatureCollection in lon/lat whose features carry
 *   `code`, `name`, `label` (the value as the page shows it) and `color`, plus `legend: [{label, color}]`. Draws the
 *   units over no base map, fits them, shows the legend; a click on a unit dispatches `unit-click` with
 *   `detail.code`. Sets the attribute `drawn` (the number of units) when drawn.
 * <indicator-chart>: property `option` (JSON): an Apache ECharts option, labels already in the page's language.
 *   Sets the attribute `drawn` when drawn.
 */
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Fill, Stroke, Style, Text } from 'ol/style.js';
import 'ol/ol.css';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent,
  TitleComponent, CanvasRenderer]);

class IndicatorChoropleth extends HTMLElement {
  connectedCallback() {
    if (this._map) {
      return;
    }
    this.style.display = 'block';
    this.style.position = 'relative';
    this._target = document.createElement('div');
    this._target.style.width = '100%';
    this._target.style.height = '100%';
    this._legend = document.createElement('div');
    this._legend.className = 'choropleth-legend';
    this.append(this._target, this._legend);
    this._source = new VectorSource();
    const layer = new VectorLayer({
      source: this._source,
      style: (f) => new Style({
        fill: new Fill({ color: f.get('color') || '#ddd' }),
        stroke: new Stroke({ color: '#555', width: 1 }),
        text: new Text({ text: `${f.get('name')}\n${f.get('label')}`, font: '12px sans-serif',
          fill: new Fill({ color: '#222' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
      }),
    });
    this._map = new Map({ target: this._target, layers: [layer], view: new View({ center: [0, 0], zoom: 2 }) });
    this._map.on('singleclick', (e) => {
      const f = this._map.forEachFeatureAtPixel(e.pixel, (x) => x);
      if (f) {
        this.dispatchEvent(new CustomEvent('unit-click', { detail: { code: f.get('code') } }));
      }
    });
    if (this._data) {
      this._draw();
    }
  }

  set data(json) {
    this._data = json;
    if (this._map) {
      this._draw();
    }
  }

  get data() {
    return this._data;
  }

  _draw() {
    const data = JSON.parse(this._data);
    const features = new GeoJSON().readFeatures(data, { featureProjection: 'EPSG:3857' });
    this._source.clear();
    this._source.addFeatures(features);
    this._legend.replaceChildren(...(data.legend || []).map((l) => {
      const row = document.createElement('div');
      const swatch = document.createElement('span');
      swatch.className = 'choropleth-swatch';
      swatch.style.background = l.color;
      row.append(swatch, document.createTextNode(l.label));
      return row;
    }));
    this._map.updateSize();
    if (features.length > 0) {
      this._map.getView().fit(this._source.getExtent(), { padding: [20, 20, 20, 20] });
    }
    this._map.once('rendercomplete', () => this.setAttribute('drawn', String(features.length)));
    this._map.render();
  }
}

class IndicatorChart extends HTMLElement {
  connectedCallback() {
    this.style.display = 'block';
    if (!this._chart) {
      this._chart = echarts.init(this);
      new ResizeObserver(() => this._chart.resize()).observe(this);
    }
    if (this._option) {
      this._draw();
    }
  }

  set option(json) {
    this._option = json;
    if (this._chart) {
      this._draw();
    }
  }

  get option() {
    return this._option;
  }

  _draw() {
    this._chart.setOption(JSON.parse(this._option), true);
    this._chart.on('finished', () => this.setAttribute('drawn', 'true'));
  }
}

customElements.define('indicator-choropleth', IndicatorChoropleth);
customElements.define('indicator-chart', IndicatorChart);
