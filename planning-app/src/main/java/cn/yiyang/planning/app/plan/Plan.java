package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.layers.feature.Feature;
import cn.yiyang.planning.layers.feature.VersionedFeature;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;

/**
 * A village plan as the register reads it from the {@code village_plan} layer.
 *
 * @param id                 the feature's id
 * @param version            the feature's version (a step names it, so a concurrent write is noticed); 0 in lists,
 *                           which do not read versions
 * @param code               the plan's code (规划编号)
 * @param name               its name
 * @param villageCodes       the administrative villages it covers, in the order stored
 * @param status             its stage ({@code plan_status} code)
 * @param compilingUnit      编制单位, or null
 * @param period             规划期限, or null
 * @param dueOn              the date it is due for approval, or null (the default deadline applies)
 * @param documentNumber     批复文号, or null
 * @param approvedOn         批复日期, or null
 * @param approvingAuthority 批复机关, or null
 * @param extent             its boundary's extent (EPSG:4490), or null without a boundary
 */
public record Plan(
        long id,
        long version,
        String code,
        String name,
        List<String> villageCodes,
        String status,
        String compilingUnit,
        String period,
        LocalDate dueOn,
        String documentNumber,
        LocalDate approvedOn,
        String approvingAuthority,
        Envelope extent) {

    /** How village codes are separated in {@code village_codes}: commas (the demo's), also 、 ; and spaces. */
    static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\s]+");

    public Plan {
        Objects.requireNonNull(code, "code");
        villageCodes = List.copyOf(villageCodes);
    }

    /** The plan as the layer stores it, with its version. */
    static Plan of(VersionedFeature stored) {
        return of(stored.feature(), stored.version());
    }

    /** The plan as a list reads it (version 0: unknown). */
    static Plan of(Feature f) {
        return of(f, 0);
    }

    private static Plan of(Feature f, long version) {
        return new Plan(
                f.id(),
                version,
                f.getString("code"),
                f.getString("name"),
                villageCodes(f.getString("village_codes")),
                f.getString("status"),
                f.getString("compiling_unit"),
                f.getString("period"),
                f.get("due_on") instanceof LocalDate d ? d : null,
                f.getString("document_number"),
                f.get("approved_on") instanceof LocalDate d ? d : null,
                f.getString("approving_authority"),
                f.geometry() == null || f.geometry().isEmpty()
                        ? null
                        : f.geometry().getEnvelopeInternal());
    }

    /** The codes a {@code village_codes} value lists. */
    static List<String> villageCodes(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : Arrays.stream(SEPARATORS.split(value.strip()))
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /** The county the plan lies in: the first six digits of its first village's code; null without villages. */
    public String countyCode() {
        return prefix(6);
    }

    /** The township the plan lies in: the first nine digits of its first village's code. */
    public String townshipCode() {
        return prefix(9);
    }

    private String prefix(int digits) {
        return villageCodes.isEmpty() || villageCodes.getFirst().length() < digits
                ? null
                : villageCodes.getFirst().substring(0, digits);
    }
}
