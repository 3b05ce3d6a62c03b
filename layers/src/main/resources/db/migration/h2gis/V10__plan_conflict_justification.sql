-- V10: an approver's justification of a 多规合一 conflict of a village plan (planned construction on basic
-- farmland or the red line, town-type construction outside the town boundary). The conflicts are computed from the
-- plan_land_use parcels and the 三区三线 layers, not stored; this table holds only what the approver adds, named by
-- the plan and the conflict's stable key (parcel id, constraint layer, constraint feature id). One per conflict.
CREATE TABLE plan_conflict_justification (
    plan_code VARCHAR NOT NULL,
    conflict_key VARCHAR NOT NULL,
    justification VARCHAR NOT NULL,
    justified_by VARCHAR NOT NULL,
    justified_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT plan_conflict_justification_pk PRIMARY KEY (plan_code, conflict_key)
);
