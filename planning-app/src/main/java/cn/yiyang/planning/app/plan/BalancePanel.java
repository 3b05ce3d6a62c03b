package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.plan.BalanceService.PlanBalance;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.geo.plan.BalanceRow;
import cn.yiyang.planning.geo.plan.ClassLevel;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plan's land-use balance (用地平衡表) for the plan page: one row per class (code, name, current and planned area in
 * 亩 and 公顷, their shares, the change) and the total, with the XLSX download. Ids: {@code plan-balance-grid},
 * {@code plan-balance-xlsx}.
 */
public class BalancePanel extends VerticalLayout {

    private final Grid<BalanceRow> grid = new Grid<>();
    private final Anchor xlsx = new Anchor();
    private final PlanBalance balance;

    /**
     * @param balances the balance service
     * @param export the XLSX export
     * @param planCode the plan
     * @param user who looks (any signed-in user may)
     */
    public BalancePanel(BalanceService balances, BalanceExport export, String planCode, AppUser user) {
        setId("plan-balance");
        setPadding(false);
        this.balance = balances.balance(user, planCode, ClassLevel.AS_GIVEN);
        Locale locale = getLocale();
        grid.setId("plan-balance-grid");
        grid.addColumn(r -> r.code() == null ? "" : r.code())
                .setHeader(getTranslation("plan.balance.code"))
                .setAutoWidth(true);
        grid.addColumn(r ->
                        r.code() == null ? getTranslation("plan.balance.total") : PlanBalance.label(r.code(), locale))
                .setHeader(getTranslation("plan.balance.name"))
                .setAutoWidth(true);
        number("plan.balance.current-mu", r -> r.current().mu(), "%.2f");
        number("plan.balance.current-ha", r -> r.current().hectares(), "%.4f");
        number("plan.balance.current-share", r -> r.currentShare() * 100, "%.2f%%");
        number("plan.balance.planned-mu", r -> r.planned().mu(), "%.2f");
        number("plan.balance.planned-ha", r -> r.planned().hectares(), "%.4f");
        number("plan.balance.planned-share", r -> r.plannedShare() * 100, "%.2f%%");
        number("plan.balance.change-mu", r -> r.change().mu(), "%+.2f");
        number("plan.balance.change-ha", r -> r.change().hectares(), "%+.4f");
        List<BalanceRow> rows = new ArrayList<>(balance.balance().rows());
        rows.add(balance.balance().total());
        grid.setItems(rows);
        grid.setAllRowsVisible(true);

        xlsx.setId("plan-balance-xlsx");
        xlsx.setText(getTranslation("plan.balance.download"));
        xlsx.setHref((DownloadHandler) event -> {
            event.setFileName(export.fileName(balance));
            event.setContentType(BalanceExport.MEDIA_TYPE);
            export.xlsx(balance, locale, event.getOutputStream());
        });
        xlsx.getElement().setAttribute("download", true);
        add(grid, xlsx);
    }

    /** The balance shown (for the page around it). */
    public PlanBalance balance() {
        return balance;
    }

    private void number(String key, ValueProvider<BalanceRow, Double> value, String format) {
        grid.addColumn(r -> String.format(Locale.ROOT, format, value.apply(r)))
                .setHeader(getTranslation(key))
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
    }
}
