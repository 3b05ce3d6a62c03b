package cn.yiyang.planning.app;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page shell: Lumo and the app's static styles (no Vaadin theme folder, no frontend build), and
 * server push (WebSocket, long polling where that is blocked), so that an open map redraws a layer
 * as soon as its data change.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://styles/app.css")
public class AppShell implements AppShellConfigurator {}
