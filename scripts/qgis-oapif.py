"""Reads the app's OGC API - Features with QGIS's own OAPIF provider (PyQGIS, QGIS 3.22 or later) and renders a map.

Run under a virtual display (scripts/qgis-oapif.sh does): for each collection named, adds the layer exactly as QGIS's
"New OGC API - Features connection" does, checks that it is valid and that its feature count equals the
collection's numberMatched (asked of the app separately), and draws all of them into a PNG.

Usage: /usr/bin/python3 scripts/qgis-oapif.py URL USER PASSWORD OUT.png COLLECTION [COLLECTION ...]
  e.g. /usr/bin/python3 scripts/qgis-oapif.py http://localhost:8080/ogc leader yiyang2025 docs/qgis-oapif.png township village
"""
import base64
import json
import sys
import urllib.request

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsLineSymbol,
                       QgsMapRendererParallelJob, QgsMapSettings, QgsMarkerSymbol, QgsProject, QgsRectangle,
                       QgsVectorLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor, QImage

url, user, password, out, collections = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

def number_matched(collection):
    """The app's own count: numberMatched of an items request with limit=1."""
    req = urllib.request.Request(f"{url}/collections/{collection}/items?limit=1",
                                 headers={"Authorization": auth, "Accept": "application/geo+json"})
    return json.load(urllib.request.urlopen(req))["numberMatched"]

STYLES = {  # outline-only polygons, the first collection's widest, so that every layer stays visible
    QgsWkbTypes.PolygonGeometry: lambda i: QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": ["#333333", "#1f78b4", "#7fbf7b"][i % 3],
         "outline_width": ["0.8", "0.45", "0.2"][i % 3]}),
    QgsWkbTypes.LineGeometry: lambda i: QgsLineSymbol.createSimple({"color": "#e31a1c", "width": "0.4"}),
    QgsWkbTypes.PointGeometry: lambda i: QgsMarkerSymbol.createSimple(
        {"color": "#ff7f00", "size": "1.2", "outline_style": "no"}),
}

app = QgsApplication([], False)
app.initQgis()
try:
    layers, extent, failed = [], QgsRectangle(), False
    for i, collection in enumerate(collections):
        uri = f"url='{url}' typename='{collection}' username='{user}' password='{password}' restrictToRequestBBOX='0'"
        layer = QgsVectorLayer(uri, collection, "OAPIF")
        if not layer.isValid():
            print(f"{collection}: QGIS could not open the layer ({layer.error().summary()})")
            failed = True
            continue
        qgis_count = sum(1 for _ in layer.getFeatures())
        app_count = number_matched(collection)
        same = "equal" if qgis_count == app_count else "DIFFERENT"
        print(f"{collection}: QGIS read {qgis_count} features, the app's numberMatched is {app_count} ({same});"
              f" CRS {layer.crs().authid()}, fields {[f.name() for f in layer.fields()][:6]}")
        failed |= qgis_count != app_count
        style = STYLES.get(layer.geometryType())
        if style:
            layer.renderer().setSymbol(style(i))
        QgsProject.instance().addMapLayer(layer)
        layers.append(layer)  # the first collection drawn on top
        extent.combineExtentWith(layer.extent())
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    settings.setBackgroundColor(QColor("white"))
    settings.setOutputSize(QSize(900, 700))
    settings.setExtent(extent.buffered(extent.width() * 0.02))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    # a few dozen colours: an indexed PNG stays small enough for the repository
    image = job.renderedImage().convertToFormat(QImage.Format_Indexed8, Qt.ThresholdDither | Qt.AvoidDither)
    image.save(out, "png")
    print(f"rendered {out}")
finally:
    app.exitQgis()
sys.exit(1 if failed else 0)
