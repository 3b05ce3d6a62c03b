package cn.yiyang.planning.layers.plans;

import java.util.List;
import java.util.Optional;

/** The records of village plans' documents ({@code plan_document}, V9); the files are the caller's to keep. */
public interface PlanDocumentRepository {

    /**
     * Stores a document's record.
     *
     * @return the record as stored, with its id and time
     */
    PlanDocument add(PlanDocument document);

    /** The plan's documents, oldest first. */
    List<PlanDocument> of(String planCode);

    /** The document with this id, if it belongs to the plan. */
    Optional<PlanDocument> find(String planCode, long id);

    /** Removes the record; true when there was one. */
    boolean delete(String planCode, long id);
}
