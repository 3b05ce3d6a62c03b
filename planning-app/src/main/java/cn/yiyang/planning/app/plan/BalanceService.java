package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.security.Action;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Permissions;
import cn.yiyang.planning.geo.plan.ClassLevel;
import cn.yiyang.planning.geo.plan.LandUseBalance;
import cn.yiyang.planning.geo.plan.ParcelArea;
import cn.yiyang.planning.geo.plan.PlanParcel;
import cn.yiyang.planning.layers.catalogue.CodeLists;
import cn.yiyang.planning.layers.feature.Feature;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The land-use balance (用地平衡表) of a plan: geo-core {@link LandUseBalance} of its parcels (ellipsoidal areas by
 * class, current against planned), each class with its label from the {@code land_use} code list.
 */
@Service
public class BalanceService {

    private final ParcelReader reader;

    BalanceService(ParcelReader reader) {
        this.reader = reader;
    }

    /**
     * @param level by the codes as the parcels carry them, or by the 24 top-level classes
     * @throws UnknownPlanException when there is no such plan
     */
    public PlanBalance balance(AppUser user, String planCode, ClassLevel level) {
        Permissions.check(user, Action.read(reader.landUse()));
        Feature plan = reader.plan(planCode).orElseThrow(() -> new UnknownPlanException(planCode));
        List<PlanParcel> parcels = reader.parcels(planCode).stream()
                .filter(f -> f.geometry() != null)
                .map(ParcelReader::parcel)
                .toList();
        return new PlanBalance(planCode, plan.getString("name"), LandUseBalance.of(parcels, level));
    }

    /**
     * The plan's parcels with their ellipsoidal areas, in id order (one read).
     *
     * @throws UnknownPlanException when there is no such plan
     */
    public PlanParcels parcels(AppUser user, String planCode) {
        Permissions.check(user, Action.read(reader.landUse()));
        reader.plan(planCode).orElseThrow(() -> new UnknownPlanException(planCode));
        List<Feature> stored = reader.parcels(planCode).stream()
                .filter(f -> f.geometry() != null)
                .toList();
        List<PlanParcel> parcels = stored.stream().map(ParcelReader::parcel).toList();
        return new PlanParcels(
                stored, LandUseBalance.of(parcels, ClassLevel.AS_GIVEN).parcels());
    }

    /**
     * A plan's parcels.
     *
     * @param features the stored parcels
     * @param areas their areas, in the same order
     */
    public record PlanParcels(List<Feature> features, List<ParcelArea> areas) {}

    /**
     * A plan's balance.
     *
     * @param planCode the plan's code
     * @param planName its name (the export's title)
     * @param balance the parcels' areas and the table
     */
    public record PlanBalance(String planCode, String planName, LandUseBalance balance) {

        /** The class's label in the reader's language; the code itself for a code the list does not have. */
        public static String label(String code, Locale locale) {
            if (code == null) {
                return "";
            }
            boolean english = "en".equals(locale.getLanguage());
            return CodeLists.LAND_USE
                    .byValue(code)
                    .map(c -> english ? c.titleEn() : c.titleZh())
                    .orElse(code);
        }
    }
}
