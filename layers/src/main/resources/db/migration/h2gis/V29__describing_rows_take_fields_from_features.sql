-- V29: the rows of a describing layer (V19) no longer copy the fields that are the described feature's own
-- (FieldDef.fromDescribed: an unserved household's village code, natural village and members, a road's name):
-- the view reads them from the feature, as it reads the geometry. A road-access run on the full demo city wrote
-- these three columns for its 99,743 unserved households and built an index on their village codes on every run,
-- most of a second of the first run's store step on this store (bench/RESULTS.md, issue 14); the households'
-- own village-code index serves a filter by village through the view. Drafted by SchemaDdl.
DROP VIEW IF EXISTS access_household;
DROP INDEX IF EXISTS access_household__rows_village_code_idx;
ALTER TABLE access_household__rows DROP COLUMN village_code, natural_village_code, population;
CREATE VIEW access_household AS SELECT r.id, r.code, d.village_code, d.natural_village_code, d.population, r.distance_m, r.network_distance_m, r.run_id, r.extra, d.geom, r.updated_at, r.version FROM access_household__rows r JOIN household d ON d.code = r.code;

DROP VIEW IF EXISTS access_road;
ALTER TABLE access_road__rows DROP COLUMN name;
CREATE VIEW access_road AS SELECT r.id, r.code, d.name, r.status, r.run_id, r.extra, d.geom, r.updated_at, r.version FROM access_road__rows r JOIN road d ON d.code = r.code;

DROP VIEW IF EXISTS water_household;
DROP INDEX IF EXISTS water_household__rows_village_code_idx;
ALTER TABLE water_household__rows DROP COLUMN village_code, poverty_status, population;
CREATE VIEW water_household AS SELECT r.id, r.code, d.village_code, r.township_code, r.county_code, d.poverty_status, d.population, r.distance_m, r.run_id, r.extra, d.geom, r.updated_at, r.version FROM water_household__rows r JOIN household d ON d.code = r.code;

DROP VIEW IF EXISTS sewage_household;
DROP INDEX IF EXISTS sewage_household__rows_village_code_idx;
ALTER TABLE sewage_household__rows DROP COLUMN village_code, population;
CREATE VIEW sewage_household AS SELECT r.id, r.code, d.village_code, r.township_code, r.county_code, d.population, r.run_id, r.extra, d.geom, r.updated_at, r.version FROM sewage_household__rows r JOIN household d ON d.code = r.code;
