-- V8: village plans follow the approval workflow (issue 12): 未启动 → 编制中 → 待审查 → 已批复 → 已入库.
-- New attributes of a plan: compiling unit, plan period, the date it is due for approval (overdue plans) and
-- the approving authority. The stage 修编中 (revising) is gone from the status list: a plan being revised is
-- being compiled again, so stored 'revising' rows become 'compiling' (their approval number and date stay).
ALTER TABLE village_plan ADD COLUMN compiling_unit VARCHAR;
ALTER TABLE village_plan ADD COLUMN period VARCHAR;
ALTER TABLE village_plan ADD COLUMN due_on DATE;
ALTER TABLE village_plan ADD COLUMN approving_authority VARCHAR;
UPDATE village_plan SET status = 'compiling' WHERE status = 'revising';
