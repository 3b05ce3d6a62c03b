package cn.yiyang.planning.layers.catalogue;

/** Thrown when a layer id is not in the catalogue. */
public class UnknownLayerException extends RuntimeException {

    private final String layerId;

    public UnknownLayerException(String layerId) {
        super("unknown layer: " + layerId);
        this.layerId = layerId;
    }

    public String layerId() {
        return layerId;
    }
}
