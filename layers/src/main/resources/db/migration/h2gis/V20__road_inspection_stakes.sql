-- V20: an inspection may name a route (路线编码) instead of a segment (issue 14): the stake (桩号) or stake range it
-- gives picks the route's segments whose stakes cover it; without one it applies to every segment of the route.
ALTER TABLE road_inspection ADD COLUMN stake_from VARCHAR;
ALTER TABLE road_inspection ADD COLUMN stake_to VARCHAR;
