package cn.yiyang.planning.layers.store;

/** The analysis records contract on the PostGIS store. */
class PostgisAnalysisRunContractIT extends AnalysisRunContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGIS;
    }
}
