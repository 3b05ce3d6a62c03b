package cn.yiyang.planning.app.access;

import java.util.Set;

/** The roads the 通返不通 register holds impassable now: a run leaves them out of the network. */
@FunctionalInterface
public interface ImpassableRoads {

    /** @return the codes of the roads whose latest register entry is open (not closed, 销号) */
    Set<String> impassableRoadCodes();
}
