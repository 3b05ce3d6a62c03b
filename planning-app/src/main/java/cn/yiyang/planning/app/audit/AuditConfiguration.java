package cn.yiyang.planning.app.audit;

import cn.yiyang.planning.app.security.SignInThrottledException;
import cn.yiyang.planning.layers.audit.AuditRepository;
import cn.yiyang.planning.layers.store.JdbcAuditRepository;
import cn.yiyang.planning.layers.store.SpatialStore;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The audit record's beans, and the sign-ins it records: each sign-in through the page (not each request of an
 * API client, which would be one entry per tile) and each failed sign-in, page or API, with the reason.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditRepository auditRepository(SpatialStore store) {
        return new JdbcAuditRepository(store);
    }

    @Bean
    AuditLog auditLog(AuditRepository entries) {
        return new AuditLog(entries, Clock.systemUTC());
    }

    /**
     * Spring Security's events of sign-ins, with the throttle's refusals as failures too (without a mapping of its
     * own, an exception the publisher does not know gives no event at all).
     */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setAdditionalExceptionMappings(
                Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
        return publisher;
    }

    @Bean
    SignIns signIns(AuditLog audit) {
        return new SignIns(audit);
    }

    /** Sign-in events into the audit record. */
    static final class SignIns {
        private final AuditLog audit;

        SignIns(AuditLog audit) {
            this.audit = audit;
        }

        @EventListener
        void signedIn(InteractiveAuthenticationSuccessEvent event) {
            audit.record(
                    event.getAuthentication().getName(),
                    address(event.getAuthentication().getDetails()),
                    "sign-in",
                    null,
                    null,
                    null);
        }

        @EventListener
        void failed(AbstractAuthenticationFailureEvent event) {
            audit.record(
                    event.getAuthentication().getName(),
                    address(event.getAuthentication().getDetails()),
                    "sign-in-failed",
                    null,
                    null,
                    event.getException().getClass().getSimpleName());
        }

        private static String address(Object details) {
            return details instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        }
    }
}
