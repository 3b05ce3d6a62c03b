package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import cn.yiyang.planning.layers.catalogue.Region;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.http.HttpStatus;

/**
 * A feature read as of a time before its single-feature history starts: it was loaded by an import, which records
 * one summary entry for the whole load and no per-feature state, so what the feature was then is not known (the
 * current row is not answered instead: a later import or write may have changed it without a per-feature entry).
 * HTTP 404 {@code unknown_feature}, with a detail that says why; property {@code historyStarts}: the time of its
 * first single-feature write, absent when it has none yet.
 */
public class FeatureHistoryUnknownException extends ProblemException {

    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * @param firstWrite the feature's first single-feature write, or null when it has none
     */
    FeatureHistoryUnknownException(String layerId, long id, OffsetDateTime firstWrite) {
        super(
                "no per-feature history of feature " + id + " in " + layerId + " before "
                        + (firstWrite == null ? "its first edit" : firstWrite),
                HttpStatus.NOT_FOUND,
                "unknown_feature",
                firstWrite == null ? "api.error.feature-history-none" : "api.error.feature-history-starts",
                String.valueOf(id),
                layerId,
                firstWrite == null
                        ? ""
                        : firstWrite.atZoneSameInstant(Region.TIME_ZONE).format(CHINA_TIME));
        if (firstWrite != null) {
            property("historyStarts", firstWrite);
        }
    }
}
