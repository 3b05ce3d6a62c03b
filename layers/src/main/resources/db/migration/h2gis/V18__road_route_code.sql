-- V18: roads keyed the way road databases key them (issue 14). The national road code (路线编码, e.g. X001430923)
-- names a route, which several segments share: it is kept as route_code, with the segment's number along the route
-- (路段序号) or its start stake (起点桩号), and the segment key follows from them when a file gives no segment code.
ALTER TABLE road ADD COLUMN route_code VARCHAR;
ALTER TABLE road ADD COLUMN segment_seq INTEGER;
ALTER TABLE road ADD COLUMN start_stake VARCHAR;
CREATE INDEX road_route_code_idx ON road (route_code);
