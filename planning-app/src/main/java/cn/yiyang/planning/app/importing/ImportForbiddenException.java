package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.layers.catalogue.LayerDef;

/** The user's roles do not own the layer's theme (see {@link ImportAccess}): HTTP 403. */
public class ImportForbiddenException extends RuntimeException {

    private final transient AppUser user;
    private final transient LayerDef layer;

    ImportForbiddenException(AppUser user, LayerDef layer) {
        super(user.name() + " may not import into " + layer.id());
        this.user = user;
        this.layer = layer;
    }

    public AppUser user() {
        return user;
    }

    public LayerDef layer() {
        return layer;
    }
}
