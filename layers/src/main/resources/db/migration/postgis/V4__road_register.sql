-- V4: the 销号 (closing) of 通返不通 register entries done in the app by the transport department.
-- A register entry is not stored: it is derived from the road_inspection layer (a blocked inspection
-- after an open one) and named by its road and the date of that blocked inspection. This table holds
-- only what the app adds to it: who closed which entry, on which date, with what note. One closure per
-- entry: the primary key is the entry's name.
CREATE TABLE road_register_closure (
    road_code varchar NOT NULL,
    blocked_on date NOT NULL,
    closed_on date NOT NULL,
    closed_by varchar NOT NULL,
    note varchar,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT road_register_closure_pk PRIMARY KEY (road_code, blocked_on)
);
