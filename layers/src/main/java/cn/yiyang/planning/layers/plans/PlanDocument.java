package cn.yiyang.planning.layers.plans;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A document of a plan as recorded: the file itself is kept by the app, named by {@link #id}.
 *
 * @param id         the record's id, or null before it is stored
 * @param planCode   the plan ({@code village_plan.code})
 * @param kind       {@code text} (规划文本), {@code drawing} (图件) or {@code other}
 * @param fileName   the file's name as the uploader's computer called it (for the download)
 * @param sizeBytes  its size
 * @param sha256     its SHA-256, hexadecimal
 * @param uploadedBy who uploaded it
 * @param uploadedAt when, or null before it is stored (the store sets it)
 */
public record PlanDocument(
        Long id,
        String planCode,
        String kind,
        String fileName,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        OffsetDateTime uploadedAt) {

    public PlanDocument {
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
    }
}
