package cn.yiyang.planning.app.dashboard;

import cn.yiyang.planning.app.map.MapView;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.security.Role;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The leaders' start page is the dashboard: a user whose only role is {@link Role#LEADER} who opens the start page
 * (the map, with no link to follow) is taken to {@code /dashboard}; the map stays one click away.
 */
@Component
class LeaderStartPage implements VaadinServiceInitListener {

    /**
     * The parameter Spring Security adds to the page it returns to after signing in ({@code /?continue}): the start
     * page still, not a link to follow.
     */
    static final String SAVED_REQUEST = "continue";

    private final AuthenticationContext auth;

    LeaderStartPage(AuthenticationContext auth) {
        this.auth = auth;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::redirect));
    }

    private void redirect(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == MapView.class
                && event.getLocation().getPath().isEmpty()
                && Set.of(SAVED_REQUEST)
                        .containsAll(event.getLocation()
                                .getQueryParameters()
                                .getParameters()
                                .keySet())
                && leaderOnly(AppUser.of(auth))) {
            event.forwardTo(DashboardView.class);
        }
    }

    /** @return whether the user's only role is LEADER */
    static boolean leaderOnly(AppUser user) {
        return user.roles().equals(Set.of(Role.LEADER));
    }
}
