package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.layers.catalogue.LayerDef;

/** The user's roles do not own the layer's theme (see {@link ImportAccess}): HTTP 403. */
public class ImportForbiddenException extends RuntimeException {

    private final transient ImportUser user;
    private final transient LayerDef layer;

    ImportForbiddenException(ImportUser user, LayerDef layer) {
        super(user.name() + " may not import into " + layer.id());
        this.user = user;
        this.layer = layer;
    }

    public ImportUser user() {
        return user;
    }

    public LayerDef layer() {
        return layer;
    }
}
