package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** The layer has no feature with this id (never had, or it was deleted): HTTP 404. */
public class FeatureNotFoundException extends ProblemException {

    /**
     * @param layerId the layer asked
     * @param id      the id it has no feature with
     */
    public FeatureNotFoundException(String layerId, long id) {
        super(
                "no feature " + id + " in " + layerId,
                HttpStatus.NOT_FOUND,
                "unknown_feature",
                "api.error.unknown-feature",
                String.valueOf(id),
                layerId);
    }
}
