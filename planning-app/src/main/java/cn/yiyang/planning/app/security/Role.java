package cn.yiyang.planning.app.security;

/** The roles of the service, one per department that uses it. */
public enum Role {
    /** System administrator: settings, users, every layer. */
    ADMIN,
    /** Natural-resources planner (自然资源局): village plans, 三区三线. */
    PLANNER,
    /** Transport department (交通运输局): roads. */
    TRANSPORT,
    /** Water department (水利局): water supply. */
    WATER,
    /** Sewage (生态环境/住建): sewage facilities. */
    SEWAGE,
    /** Commerce, postal and supply co-ops: cold chain and logistics. */
    LOGISTICS,
    /** Leaders: dashboards, read only. */
    LEADER
}
