package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.map.TileService;
import org.springframework.stereotype.Component;

/**
 * The services behind a plan's analysis panels on {@code /plans} (the land-use balance with its XLSX, the 多规合一
 * conflicts and their justifications), handed to the page as one.
 *
 * @param balances  the land-use balance
 * @param export    its XLSX export
 * @param conflicts the conflicts and justifications
 * @param tiles     the tiled layers of the conflict map (null without a tile server, in view tests)
 */
@Component
public record PlanAnalysis(
        BalanceService balances, BalanceExport export, ConflictService conflicts, TileService tiles) {}
