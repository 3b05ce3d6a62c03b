package cn.yiyang.planning.app.feature;

import cn.yiyang.planning.app.system.ProblemException;
import org.springframework.http.HttpStatus;

/** A write to a layer of analysis results, which only its analysis writes: HTTP 409, as for an import. */
public class DerivedLayerException extends ProblemException {

    DerivedLayerException(String layerId) {
        super(
                "layer " + layerId + " is derived",
                HttpStatus.CONFLICT,
                "derived_layer",
                "api.error.derived-layer-edit",
                layerId);
    }
}
