/**
 * What the app records about village plans beside the {@code village_plan} layer (V9): the timeline of their
 * approval workflow ({@code plan_transition}) and their documents ({@code plan_document}; the files themselves
 * are kept by the app). The rules of the workflow are the app's; these repositories store and read.
 */
package cn.yiyang.planning.layers.plans;
