package cn.yiyang.planning.app.road;

/** Where a register entry's 销号 comes from. */
public enum ClosureSource {
    /** The inspection row that opened the entry has a {@code closed_on} date (the department's own data). */
    INSPECTION,
    /** A user with the transport role (or an administrator) closed it in the app. */
    APP
}
