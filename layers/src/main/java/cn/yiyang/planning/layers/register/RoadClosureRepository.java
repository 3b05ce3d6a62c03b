package cn.yiyang.planning.layers.register;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The closings (销号) of 通返不通 register entries done in the app ({@code road_register_closure}). One
 * closure per entry at most; a closure is never changed or removed through this interface. Each call
 * is its own transaction.
 */
public interface RoadClosureRepository {

    /**
     * Stores a closure unless the entry has one already, with its REGISTER_CLOSE entry in the write history
     * (layer {@code road_inspection}; details: road code, blocked and closing dates, note) in the same transaction.
     *
     * @return true when stored; false when the entry (road, blocked date) already had a closure, which
     *         is left as it was (also when two users close the same entry at the same moment)
     */
    boolean add(RoadClosure closure);

    /** The closure of the entry named by its road and blocked date, if it has one. */
    Optional<RoadClosure> find(String roadCode, LocalDate blockedOn);

    /** Every closure, by road code and blocked date. */
    List<RoadClosure> all();
}
