package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.layers.plans.PlanDocument;
import cn.yiyang.planning.layers.plans.PlanTransition;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/** The plan register on the wire: records that Jackson writes as they are, labels in the caller's language. */
final class PlanJson {

    private PlanJson() {}

    /** A page of the register. */
    record Page(int total, int offset, int limit, List<PlanItem> plans) {}

    /** A plan as the register lists it; {@code extent} is [minLon, minLat, maxLon, maxLat] or null. */
    record PlanItem(
            String code,
            String name,
            String countyCode,
            String countyName,
            String townshipCode,
            String townshipName,
            List<PlanSummary.Village> villages,
            String status,
            String statusLabel,
            String compilingUnit,
            String period,
            LocalDate dueOn,
            LocalDate deadline,
            boolean overdue,
            String documentNumber,
            LocalDate approvedOn,
            String approvingAuthority,
            double[] extent) {}

    /** One plan: as listed, with its timeline and the steps the caller may take now. */
    record Detail(PlanItem plan, List<Step> steps, List<TransitionItem> transitions) {}

    /** A step the caller may take. */
    record Step(String step, String label) {}

    /** A step taken. */
    record TransitionItem(
            long id,
            String step,
            String stepLabel,
            String from,
            String fromLabel,
            String to,
            String toLabel,
            String reason,
            String documentNumber,
            LocalDate approvedOn,
            String approvingAuthority,
            String user,
            String at) {}

    /** A plan's document. */
    record DocumentItem(
            long id, String kind, String fileName, long size, String sha256, String uploadedBy, String uploadedAt) {}

    /** The body of {@code POST /api/v1/plans}. */
    record NewPlanBody(
            String code,
            String name,
            List<String> villageCodes,
            String compilingUnit,
            String period,
            String dueOn,
            String status) {}

    /** The body of {@code POST /api/v1/plans/{code}/transitions}. */
    record StepBody(String step, String reason, String documentNumber, String approvedOn, String approvingAuthority) {}

    static PlanItem item(PlanSummary s, Locale locale) {
        Plan p = s.plan();
        Envelope e = p.extent();
        return new PlanItem(
                p.code(),
                p.name(),
                p.countyCode(),
                s.countyName(),
                p.townshipCode(),
                s.townshipName(),
                s.villages(),
                p.status(),
                PlanLabels.status(p.status()).in(locale),
                p.compilingUnit(),
                p.period(),
                p.dueOn(),
                s.deadline(),
                s.overdue(),
                p.documentNumber(),
                p.approvedOn(),
                p.approvingAuthority(),
                e == null ? null : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
    }

    static TransitionItem transition(PlanTransition t, Locale locale) {
        return new TransitionItem(
                t.id(),
                t.step(),
                PlanStep.byId(t.step()).map(s -> s.title().in(locale)).orElse(t.step()),
                t.fromStatus(),
                PlanLabels.status(t.fromStatus()).in(locale),
                t.toStatus(),
                PlanLabels.status(t.toStatus()).in(locale),
                t.reason(),
                t.documentNumber(),
                t.approvedOn(),
                t.approvingAuthority(),
                t.user(),
                t.at() == null ? null : t.at().toString());
    }

    static DocumentItem document(PlanDocument d) {
        return new DocumentItem(
                d.id(),
                d.kind(),
                d.fileName(),
                d.sizeBytes(),
                d.sha256(),
                d.uploadedBy(),
                d.uploadedAt() == null ? null : d.uploadedAt().toString());
    }
}
