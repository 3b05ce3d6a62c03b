package cn.yiyang.planning.geo.facility;

import cn.yiyang.planning.geo.access.Indicator;
import java.util.Arrays;
import java.util.Optional;

/**
 * The indicators of facility coverage: water supply, sewage, the three-tier cold chain and courier service, and
 * sanitary toilets. Their ids are stable (REST API, stored runs, targets, dashboards).
 *
 * <table>
 *   <caption>Indicators</caption>
 *   <tr><th>id</th><th>numerator / denominator</th><th>counted per</th></tr>
 *   <tr><td>household_water_supply_rate</td><td>households of rural villages served by centralised supply / households
 *       of rural villages (城乡分类 1xx units left out, as in every rural rate)</td>
 *       <td>village (all groups)</td></tr>
 *   <tr><td>household_water_supply_population_rate</td><td>the same by household members</td><td>village</td></tr>
 *   <tr><td>poverty_household_water_supply_rate</td><td>poverty-exited and monitored households served /
 *       poverty-exited and monitored households (饮水安全保障率)</td><td>village</td></tr>
 *   <tr><td>water_quality_test_overdue_count</td><td>a count: operating works whose last water-quality test is
 *       older than the interval, failed, or missing / operating works</td><td>township of the work</td></tr>
 *   <tr><td>rural_sewage_treatment_rate</td><td>households inside the service area of an operating sewage facility
 *       / households</td><td>village</td></tr>
 *   <tr><td>township_sewage_facility_rate</td><td>townships with an operating township sewage plant inside them /
 *       townships</td><td>township</td></tr>
 *   <tr><td>county_warehouse_rate</td><td>counties with an operating county-tier cold-chain site / counties</td>
 *       <td>county</td></tr>
 *   <tr><td>township_cold_chain_centre_rate</td><td>townships with a township-centre site inside / townships</td>
 *       <td>township</td></tr>
 *   <tr><td>village_cold_chain_outlet_rate</td><td>administrative villages with a village-tier site inside /
 *       villages</td><td>village</td></tr>
 *   <tr><td>village_courier_service_rate</td><td>administrative villages with a courier point inside (or within the
 *       set distance along roads) / villages (建制村通物流快递)</td><td>village</td></tr>
 *   <tr><td>sanitary_toilet_rate</td><td>households with a sanitary toilet / households</td><td>village</td></tr>
 * </table>
 */
public enum FacilityIndicator implements Indicator {
    HOUSEHOLD_WATER_SUPPLY_RATE("household_water_supply_rate"),
    HOUSEHOLD_WATER_SUPPLY_POPULATION_RATE("household_water_supply_population_rate"),
    POVERTY_HOUSEHOLD_WATER_SUPPLY_RATE("poverty_household_water_supply_rate"),
    WATER_QUALITY_TEST_OVERDUE_COUNT("water_quality_test_overdue_count") {
        @Override
        public boolean count() {
            return true;
        }
    },
    RURAL_SEWAGE_TREATMENT_RATE("rural_sewage_treatment_rate"),
    TOWNSHIP_SEWAGE_FACILITY_RATE("township_sewage_facility_rate"),
    COUNTY_WAREHOUSE_RATE("county_warehouse_rate"),
    TOWNSHIP_COLD_CHAIN_CENTRE_RATE("township_cold_chain_centre_rate"),
    VILLAGE_COLD_CHAIN_OUTLET_RATE("village_cold_chain_outlet_rate"),
    VILLAGE_COURIER_SERVICE_RATE("village_courier_service_rate"),
    SANITARY_TOILET_RATE("sanitary_toilet_rate");

    private final String id;

    FacilityIndicator(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * @param id a stable id
     * @return the indicator with that id
     */
    public static Optional<FacilityIndicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equals(id)).findFirst();
    }
}
