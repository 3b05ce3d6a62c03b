package cn.yiyang.planning.app.map;

/**
 * Map settings.
 *
 * @param tiandituKey the Tianditu (天地图) browser key ({@code planning.tianditu.key}); blank: no base
 *                    map, the project's layers on a plain background
 */
public record MapSettings(String tiandituKey) {

    public MapSettings {
        tiandituKey = tiandituKey == null ? "" : tiandituKey.strip();
    }

    public boolean hasTianditu() {
        return !tiandituKey.isEmpty();
    }
}
