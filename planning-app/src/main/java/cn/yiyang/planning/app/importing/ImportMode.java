package cn.yiyang.planning.app.importing;

import cn.yiyang.planning.layers.feature.LoadMode;

/**
 * How an import changes the layer, as the page and the API name it (the store's {@link LoadMode}
 * stays out of the views).
 */
public enum ImportMode {
    /** Add the file's features; a key already in the layer is an error. */
    APPEND(LoadMode.APPEND),
    /** Empty the layer, then load the file's features. */
    REPLACE(LoadMode.REPLACE),
    /** Update the features whose key is in the layer, add the others. */
    UPSERT(LoadMode.UPSERT);

    private final LoadMode loadMode;

    ImportMode(LoadMode loadMode) {
        this.loadMode = loadMode;
    }

    LoadMode loadMode() {
        return loadMode;
    }
}
