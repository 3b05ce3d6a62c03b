package cn.yiyang.planning.app.access;

import cn.yiyang.planning.app.road.RoadRegisterService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Road access reads the 通返不通 register: roads held impassable are left out of the network. (Its runs go to the
 * analysis worker like every analysis's: {@code app.analysis.AnalysisRunner}.)
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ImpassableRoads impassableRoads(RoadRegisterService register) {
        return register::impassableRoadCodes;
    }
}
