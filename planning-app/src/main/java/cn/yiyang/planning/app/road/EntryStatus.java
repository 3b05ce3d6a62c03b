package cn.yiyang.planning.app.road;

/** Whether a register entry is still open (the road impassable) or closed (销号). */
public enum EntryStatus {
    OPEN,
    CLOSED
}
