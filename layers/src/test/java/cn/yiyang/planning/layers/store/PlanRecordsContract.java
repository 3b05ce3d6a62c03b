package cn.yiyang.planning.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.yiyang.planning.layers.plans.PlanDocument;
import cn.yiyang.planning.layers.plans.PlanDocumentRepository;
import cn.yiyang.planning.layers.plans.PlanTransition;
import cn.yiyang.planning.layers.plans.PlanTransitionRepository;
import cn.yiyang.planning.layers.testsupport.TestStores;
import cn.yiyang.planning.layers.testsupport.TestStores.TestStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The records of village plans (V9): the workflow timeline ({@code plan_transition}) and the documents
 * ({@code plan_document}) on both stores, with the same answers on each. Subclasses name the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlanRecordsContract {

    private TestStore test;
    private PlanTransitionRepository transitions;
    private PlanDocumentRepository documents;

    abstract StoreKind kind();

    @BeforeAll
    void open() {
        test = TestStores.create(kind());
        transitions = new JdbcPlanTransitionRepository(test.store());
        documents = new JdbcPlanDocumentRepository(test.store());
    }

    @AfterAll
    void close() throws Exception {
        test.close();
    }

    @Test
    void aPlansStepsAreStoredWithTheirTimeAndReadOldestFirst() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
        PlanTransition submit = transitions.add(new PlanTransition(
                null, "CZGH1", "submit", "compiling", "reviewing", null, null, null, null, "planner", null));
        PlanTransition approve = transitions.add(new PlanTransition(
                null,
                "CZGH1",
                "approve",
                "reviewing",
                "approved",
                "符合要求",
                "益赫政函〔2024〕12号",
                LocalDate.of(2024, 5, 20),
                "赫山区人民政府",
                "approver",
                null));
        transitions.add(new PlanTransition(
                null, "CZGH2", "start", "not_started", "compiling", null, null, null, null, "admin", null));

        assertThat(submit.id()).isNotNull();
        assertThat(approve.id()).isGreaterThan(submit.id());
        assertThat(submit.at()).isAfter(before).isBefore(OffsetDateTime.now().plus(Duration.ofSeconds(5)));
        List<PlanTransition> steps = transitions.of("CZGH1");
        assertThat(steps).extracting(PlanTransition::step).containsExactly("submit", "approve");
        PlanTransition read = steps.get(1);
        assertThat(read).isEqualTo(approve);
        assertThat(read.documentNumber()).isEqualTo("益赫政函〔2024〕12号");
        assertThat(read.approvedOn()).isEqualTo(LocalDate.of(2024, 5, 20));
        assertThat(read.approvingAuthority()).isEqualTo("赫山区人民政府");
        assertThat(read.reason()).isEqualTo("符合要求");
        assertThat(steps.getFirst().reason()).isNull();
        assertThat(transitions.of("CZGH9")).isEmpty();
    }

    @Test
    void aStepThatNamesItsTimeIsStoredAtIt() {
        OffsetDateTime then = OffsetDateTime.parse("2022-03-01T10:00:00+08:00");
        transitions.add(new PlanTransition(
                null,
                "CZGH5",
                "submit",
                "compiling",
                "reviewing",
                null,
                null,
                null,
                null,
                "planner",
                then.plusDays(30)));
        transitions.add(new PlanTransition(
                null, "CZGH5", "start", "not_started", "compiling", null, null, null, null, "planner", then));
        List<PlanTransition> steps = transitions.of("CZGH5");
        assertThat(steps).extracting(PlanTransition::step).as("by time").containsExactly("start", "submit");
        assertThat(steps.getFirst().at().toInstant()).isEqualTo(then.toInstant());
    }

    @Test
    void documentsAreRecordedListedFoundOnlyUnderTheirPlanAndDeleted() {
        PlanDocument text = documents.add(
                new PlanDocument(null, "CZGH3", "text", "规划文本.pdf", 1234, "a".repeat(64), "planner", null));
        PlanDocument drawing = documents.add(
                new PlanDocument(null, "CZGH3", "drawing", "用地规划图.pdf", 99, "b".repeat(64), "admin", null));
        assertThat(text.id()).isNotNull();
        assertThat(text.uploadedAt()).isNotNull();
        assertThat(documents.of("CZGH3")).containsExactly(text, drawing);
        assertThat(documents.find("CZGH3", drawing.id())).contains(drawing);
        assertThat(documents.find("CZGH4", drawing.id()))
                .as("another plan's id")
                .isEmpty();
        assertThat(documents.delete("CZGH4", drawing.id())).isFalse();
        assertThat(documents.delete("CZGH3", drawing.id())).isTrue();
        assertThat(documents.delete("CZGH3", drawing.id())).isFalse();
        assertThat(documents.of("CZGH3")).containsExactly(text);
    }
}
