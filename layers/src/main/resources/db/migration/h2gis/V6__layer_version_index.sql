-- V6: an index on updated_at of every layer table. A layer's data version (tile URLs, entity tags, the
-- open maps' redraws) is its row count, highest id and latest updated_at (JdbcFeatureRepository.version),
-- read every few seconds for the layers in use: without this index the latest updated_at took a scan of
-- the table (the full demo city's 371,361 households: 0.7-1.1 s on the embedded store, 47 ms on PostGIS).
CREATE INDEX county_updated_at_idx ON county (updated_at);
CREATE INDEX township_updated_at_idx ON township (updated_at);
CREATE INDEX township_seat_updated_at_idx ON township_seat (updated_at);
CREATE INDEX village_updated_at_idx ON village (updated_at);
CREATE INDEX natural_village_updated_at_idx ON natural_village (updated_at);
CREATE INDEX household_updated_at_idx ON household (updated_at);
CREATE INDEX village_plan_updated_at_idx ON village_plan (updated_at);
CREATE INDEX plan_land_use_updated_at_idx ON plan_land_use (updated_at);
CREATE INDEX road_updated_at_idx ON road (updated_at);
CREATE INDEX road_inspection_updated_at_idx ON road_inspection (updated_at);
CREATE INDEX bus_stop_updated_at_idx ON bus_stop (updated_at);
CREATE INDEX water_work_updated_at_idx ON water_work (updated_at);
CREATE INDEX water_service_area_updated_at_idx ON water_service_area (updated_at);
CREATE INDEX water_pipe_updated_at_idx ON water_pipe (updated_at);
CREATE INDEX water_quality_test_updated_at_idx ON water_quality_test (updated_at);
CREATE INDEX sewage_facility_updated_at_idx ON sewage_facility (updated_at);
CREATE INDEX sewage_service_area_updated_at_idx ON sewage_service_area (updated_at);
CREATE INDEX sewage_pipe_updated_at_idx ON sewage_pipe (updated_at);
CREATE INDEX cold_chain_site_updated_at_idx ON cold_chain_site (updated_at);
CREATE INDEX courier_point_updated_at_idx ON courier_point (updated_at);
CREATE INDEX basic_farmland_updated_at_idx ON basic_farmland (updated_at);
CREATE INDEX ecological_redline_updated_at_idx ON ecological_redline (updated_at);
CREATE INDEX town_development_boundary_updated_at_idx ON town_development_boundary (updated_at);
CREATE INDEX access_household_updated_at_idx ON access_household (updated_at);
CREATE INDEX access_road_updated_at_idx ON access_road (updated_at);
CREATE INDEX access_gap_updated_at_idx ON access_gap (updated_at);
