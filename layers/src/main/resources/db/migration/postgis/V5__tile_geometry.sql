-- V5: a stored Web Mercator copy of every layer geometry, for the vector tiles. PostGIS keeps it equal
-- to ST_Transform(geom, 3857) on every insert and update (a generated column: loads and edits write
-- geom only), and its own GiST index finds a tile's features without transforming the tile's
-- envelope, so a tile no longer projects each feature on every request. The PostGIS bulk replace
-- copies the column's generation expression and this index to the table it swaps in.
--
-- Point layers also store their thinning cell (thin_cell): the cell of a 2^19 × 2^19 grid over the Web
-- Mercator world (76.4 m, 4 pixels of a zoom-13 tile, the deepest thinned zoom), x from the west edge and
-- y down from the top edge, packed as x << 20 | y (TileRules.gridCell). A thinned tile keeps one point per
-- cell of that grid shifted right to its zoom and thinning cell (TileRules.thinShift, PostgisTileSource.thinKey):
-- the sort that thins a dense tile compares one bigint per row instead of calling geometry functions.
ALTER TABLE county ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX county_geom_3857_gist ON county USING gist (geom_3857);
ALTER TABLE township ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX township_geom_3857_gist ON township USING gist (geom_3857);
ALTER TABLE township_seat ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX township_seat_geom_3857_gist ON township_seat USING gist (geom_3857);
ALTER TABLE village ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX village_geom_3857_gist ON village USING gist (geom_3857);
ALTER TABLE natural_village ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX natural_village_geom_3857_gist ON natural_village USING gist (geom_3857);
ALTER TABLE household ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX household_geom_3857_gist ON household USING gist (geom_3857);
ALTER TABLE village_plan ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX village_plan_geom_3857_gist ON village_plan USING gist (geom_3857);
ALTER TABLE plan_land_use ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX plan_land_use_geom_3857_gist ON plan_land_use USING gist (geom_3857);
ALTER TABLE road ADD COLUMN geom_3857 geometry(MULTILINESTRING, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX road_geom_3857_gist ON road USING gist (geom_3857);
ALTER TABLE bus_stop ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX bus_stop_geom_3857_gist ON bus_stop USING gist (geom_3857);
ALTER TABLE water_work ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX water_work_geom_3857_gist ON water_work USING gist (geom_3857);
ALTER TABLE water_service_area ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX water_service_area_geom_3857_gist ON water_service_area USING gist (geom_3857);
ALTER TABLE water_pipe ADD COLUMN geom_3857 geometry(MULTILINESTRING, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX water_pipe_geom_3857_gist ON water_pipe USING gist (geom_3857);
ALTER TABLE sewage_facility ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX sewage_facility_geom_3857_gist ON sewage_facility USING gist (geom_3857);
ALTER TABLE sewage_service_area ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX sewage_service_area_geom_3857_gist ON sewage_service_area USING gist (geom_3857);
ALTER TABLE sewage_pipe ADD COLUMN geom_3857 geometry(MULTILINESTRING, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX sewage_pipe_geom_3857_gist ON sewage_pipe USING gist (geom_3857);
ALTER TABLE cold_chain_site ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX cold_chain_site_geom_3857_gist ON cold_chain_site USING gist (geom_3857);
ALTER TABLE courier_point ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX courier_point_geom_3857_gist ON courier_point USING gist (geom_3857);
ALTER TABLE basic_farmland ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX basic_farmland_geom_3857_gist ON basic_farmland USING gist (geom_3857);
ALTER TABLE ecological_redline ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX ecological_redline_geom_3857_gist ON ecological_redline USING gist (geom_3857);
ALTER TABLE town_development_boundary ADD COLUMN geom_3857 geometry(MULTIPOLYGON, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX town_development_boundary_geom_3857_gist ON town_development_boundary USING gist (geom_3857);

-- The road-access result layers (V3).
ALTER TABLE access_household ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX access_household_geom_3857_gist ON access_household USING gist (geom_3857);
ALTER TABLE access_road ADD COLUMN geom_3857 geometry(MULTILINESTRING, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED;
CREATE INDEX access_road_geom_3857_gist ON access_road USING gist (geom_3857);
ALTER TABLE access_gap ADD COLUMN geom_3857 geometry(POINT, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN thin_cell bigint GENERATED ALWAYS AS (
    (floor((ST_X(ST_Transform(geom, 3857)) + 20037508.342789244) / (40075016.68557849 / 524288))::bigint << 20)
    | floor((20037508.342789244 - ST_Y(ST_Transform(geom, 3857))) / (40075016.68557849 / 524288))::bigint) STORED;
CREATE INDEX access_gap_geom_3857_gist ON access_gap USING gist (geom_3857);

-- Road tiles leave out the natural-village roads (组道) below zoom 10 and the household access roads
-- (入户路) below zoom 12 (TileRules): about 46,000 of a city's 47,000 segments. These partial indexes hold
-- only the roads such a tile draws; their predicates are exactly the tile statement's condition
-- (TileRules.Hidden.literalSql), so the planner proves them and a z8 tile reads ~1,000 rows, not ~31,000.
CREATE INDEX road_geom_3857_z8_gist ON road USING gist (geom_3857)
    WHERE (admin_class IS NULL OR admin_class NOT IN ('group', 'household'));
CREATE INDEX road_geom_3857_z10_gist ON road USING gist (geom_3857)
    WHERE (admin_class IS NULL OR admin_class NOT IN ('household'));
