package cn.yiyang.planning.app.plan;

import org.springframework.stereotype.Component;

/**
 * The services behind a plan's analysis panels on {@code /plans} (the land-use balance with its XLSX, the 多规合一
 * conflicts and their justifications), handed to the page as one.
 *
 * @param balances  the land-use balance
 * @param export    its XLSX export
 * @param conflicts the conflicts and justifications
 */
@Component
public record PlanAnalysis(BalanceService balances, BalanceExport export, ConflictService conflicts) {}
