/**
 * The accounts of the people who sign in ({@code app_account}, V17): name, password hash, roles, counties, whether
 * enabled. Who may manage them and what a role may do are the app's rules; this repository stores and reads.
 */
package cn.yiyang.planning.layers.accounts;
