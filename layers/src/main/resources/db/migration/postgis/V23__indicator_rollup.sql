-- V23: how manual indicators roll up to coarser units (issue 15).
-- A manual indicator is entered at one level (county, or village for 村集体经济年收入); the dashboard shows it at the
-- coarser levels too, with the arithmetic its catalogue row names (IndicatorRollup): sum (counts), mean weighted by
-- unit, villages or townships, share (sum of numerators over sum of denominators, a unit's denominator being its
-- number of villages or townships), or none where the weight the arithmetic needs is not stored (people in the
-- monitored households, GDP, enterprise counts, population): those stay at their entry level.
ALTER TABLE indicator_catalogue ADD COLUMN rollup VARCHAR DEFAULT 'none' NOT NULL;
ALTER TABLE indicator_catalogue ADD COLUMN rollup_weight VARCHAR DEFAULT 'unit' NOT NULL;
ALTER TABLE indicator_catalogue ADD CONSTRAINT indicator_catalogue_rollup_check
    CHECK (rollup IN ('sum', 'mean', 'share', 'none'));
ALTER TABLE indicator_catalogue ADD CONSTRAINT indicator_catalogue_rollup_weight_check
    CHECK (rollup_weight IN ('unit', 'villages', 'townships'));

-- 返贫人口: people add up.
UPDATE indicator_catalogue SET rollup = 'sum', rollup_weight = 'unit' WHERE id = 'returned_to_poverty_count';
-- 村集体经济年收入: the targets are per village (不低于5万元), so a township or county shows the mean of its villages.
UPDATE indicator_catalogue SET rollup = 'mean', rollup_weight = 'unit' WHERE id = 'village_collective_income';
-- 城乡低保标准动态调整幅度: each county sets its own standard; the city shows the mean of the counties.
UPDATE indicator_catalogue SET rollup = 'mean', rollup_weight = 'unit' WHERE id = 'subsistence_allowance_adjustment_rate';
-- 文明村占比, 村综合性文化服务中心覆盖率: shares of the villages; 文明乡镇占比: a share of the townships.
UPDATE indicator_catalogue SET rollup = 'share', rollup_weight = 'villages'
    WHERE id IN ('civilized_village_rate', 'village_cultural_centre_rate');
UPDATE indicator_catalogue SET rollup = 'share', rollup_weight = 'townships' WHERE id = 'civilized_township_rate';
