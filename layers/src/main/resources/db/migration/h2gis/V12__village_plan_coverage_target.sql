-- The plan's target for village plan coverage (village_plan_coverage_rate, computed live from village_plan):
-- every practical village plan compiled and approved by end-2023 (益阳市"十四五"规划 第三章 乡村建设行动).
INSERT INTO indicator_target (indicator, period, target, source) VALUES
    ('village_plan_coverage_rate', '2021-2025', 1.0, '规划: 2023年底前完成实用性村庄规划编制和审批');
