package cn.yiyang.planning.layers.store;

/** The analysis records contract on the embedded H2GIS store. */
class H2gisAnalysisRunContractTest extends AnalysisRunContract {
    @Override
    StoreKind kind() {
        return StoreKind.H2GIS;
    }
}
