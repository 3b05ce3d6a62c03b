#!/usr/bin/env bash
# Makes the import benchmark's input: a 1,000,000-point shapefile of synthetic households in Yiyang,
# GBK attributes with Chinese field names (10 attributes), CGCS2000 3-degree GK zone 37 with prefix
# (EPSG:4525), written by GDAL's ogr2ogr. Output: bench/target/<name>/<name>.{shp,shx,dbf,prj,cpg}
# Usage: bench/make-1m-shapefile.sh [count] [name]      (name: households_1m unless given)
set -euo pipefail
cd "$(dirname "$0")"
n=${1:-1000000}; name=${2:-households_1m}
out=target/$name
if [ -f "$out/$name.shp" ] && [ "$(cat "$out/.count" 2>/dev/null)" = "$n" ]; then
  echo "$out/$name.shp exists ($n points)"; exit 0
fi
rm -rf "$out"; mkdir -p "$out"
python3 - "$n" ../demo-data/src/main/resources/demo/yiyang_villages.csv > "$out/households.csv" <<'PY'
import csv, random, sys
n = int(sys.argv[1])
# real village codes of the counties in zone 37 (安化, 桃江), so reference checks pass against the demo villages
codes = [r["code"] for r in csv.DictReader(open(sys.argv[2], encoding="utf-8"))
         if r["county_code"] in ("430923", "430922")]
rnd = random.Random(20211130)
status = ["一般户", "脱贫户", "监测户"]
water = ["城乡一体化", "千人以上", "千人以下", "分散供水"]
print("户编号,村代码,组号,户主姓名,家庭人口,卫生厕所,脱贫属性,饮水来源,建房年份,备注,x,y")
for i in range(n):
    # points across zone 37 (lon 110.8-112.45, lat 28.0-29.4) in prefixed GK metres, roughly
    x = 37000000 + 470000 + rnd.random() * 150000
    y = 3110000 + rnd.random() * 130000
    v = codes[rnd.randrange(len(codes))]
    print(f"H{i:07d},{v},{rnd.randrange(1,12)},农户{i % 9973},{rnd.randrange(1,7)},"
          f"{'是' if rnd.random() < 0.85 else '否'},{status[rnd.randrange(3)]},{water[rnd.randrange(4)]},"
          f"{rnd.randrange(1970,2024)},合成数据,{x:.2f},{y:.2f}")
PY
cat > "$out/households.vrt" <<VRT
<OGRVRTDataSource><OGRVRTLayer name="households">
  <SrcDataSource>$(pwd)/$out/households.csv</SrcDataSource>
  <GeometryType>wkbPoint</GeometryType><LayerSRS>EPSG:4525</LayerSRS>
  <GeometryField encoding="PointFromColumns" x="x" y="y"/>
  <Field name="户编号" type="String" width="10"/><Field name="村代码" type="String" width="12"/>
  <Field name="组号" type="Integer"/><Field name="户主姓名" type="String" width="20"/>
  <Field name="家庭人口" type="Integer"/><Field name="卫生厕所" type="String" width="2"/>
  <Field name="脱贫属性" type="String" width="6"/><Field name="饮水来源" type="String" width="10"/>
  <Field name="建房年份" type="Integer"/><Field name="备注" type="String" width="20"/>
</OGRVRTLayer></OGRVRTDataSource>
VRT
ogr2ogr -f "ESRI Shapefile" -lco ENCODING=GBK "$out/$name.shp" "$out/households.vrt" -nln "$name"
rm "$out/households.csv" "$out/households.vrt"
echo "$n" > "$out/.count"
ls -la "$out"
