package cn.yiyang.planning.app.road;

import cn.yiyang.planning.app.i18n.Messages;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 通返不通 register over HTTP: list (filtered), close an entry (transport role or ADMIN), the monthly
 * trend and the CSV download. Failures become problems in {@code ApiExceptionHandler}.
 */
@RestController
@RequestMapping("/api/v1")
class RoadRegisterController {

    private final RoadRegisterService register;
    private final Messages messages;

    RoadRegisterController(RoadRegisterService register, Messages messages) {
        this.register = register;
        this.messages = messages;
    }

    /**
     * {@code GET /api/v1/road-register?status=open|closed|all&county=&township=&from=&to=&route=}: a JSON list, newest
     * first; {@code route} keeps the entries of one route's segments (路线编码).
     */
    @ApiProblems({"400 bad_value"})
    @GetMapping("/road-register")
    List<RegisterJson> list(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String route,
            Locale locale) {
        LocalDate today = register.today();
        return register.entries(filter(status, county, township, from, to, route)).stream()
                .map(e -> RegisterJson.of(e, today, messages, locale))
                .toList();
    }

    /**
     * {@code POST /api/v1/road-register/{roadCode}/{blockedOn}/close} with {@code {"closedOn": "yyyy-MM-dd",
     * "note": "…"}} → the entry, closed.
     */
    @ApiProblems({"403 forbidden", "404 unknown_register_entry", "409 register_entry_closed", "422 bad_closing_date"})
    @PostMapping("/road-register/{roadCode}/{blockedOn}/close")
    RegisterJson close(
            @PathVariable String roadCode,
            @PathVariable String blockedOn,
            @RequestBody(required = false) CloseJson body,
            Authentication auth,
            Locale locale) {
        CloseJson c = body == null ? new CloseJson(null, null) : body;
        RegisterEntry closed = register.close(AppUser.of(auth), roadCode, blockedOn, c.closedOn(), c.note());
        return RegisterJson.of(closed, register.today(), messages, locale);
    }

    /**
     * {@code GET /api/v1/road-register/routes?…} (the list's filters): per route, its segments and length in metres,
     * the entries listed and open, and the segments impassable by them with their length; by route code.
     */
    @ApiProblems({"400 bad_value"})
    @GetMapping("/road-register/routes")
    List<RouteSummary> routes(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String route) {
        return register.routes(filter(status, county, township, from, to, route)).stream()
                .map(RouteSummary::rounded)
                .toList();
    }

    /** {@code GET /api/v1/road-register/trend}: month by month, entries added, closed and open at the month's end. */
    @ApiProblems({"400 bad_value"})
    @GetMapping("/road-register/trend")
    TrendsJson trend() {
        return new TrendsJson(register.trend().stream()
                .map(m -> new TrendJson(m.month().toString(), m.added(), m.closed(), m.openAtEnd()))
                .toList());
    }

    /** {@code GET /api/v1/road-register.csv?…}: the listed entries as CSV (UTF-8 with BOM), labels in the caller's language. */
    @ApiProblems({"400 bad_value"})
    @GetMapping("/road-register.csv")
    void csv(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String township,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String route,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        List<RegisterEntry> entries = register.entries(filter(status, county, township, from, to, route));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("road-register-" + register.today() + ".csv", StandardCharsets.UTF_8)
                        .build()
                        .toString());
        RegisterCsv.write(entries, register.today(), messages, locale, response.getOutputStream());
    }

    static RegisterFilter filter(String status, String county, String township, String from, String to, String route) {
        return new RegisterFilter(status(status), county, township, date("from", from), date("to", to), route);
    }

    private static EntryStatus status(String value) {
        if (value == null || value.isBlank() || "all".equalsIgnoreCase(value.strip())) {
            return null;
        }
        return Arrays.stream(EntryStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new BadValueException("status", value, "open, closed, all"));
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return RoadRegisterService.parse(value)
                .orElseThrow(() -> new BadValueException(parameter, value, "yyyy-MM-dd"));
    }

    /** The trend: {@code {"months": [...]}}. */
    record TrendsJson(List<TrendJson> months) {}

    /** One month of the trend: {@code yyyy-MM}, entries added, closed, open at the month's end. */
    record TrendJson(String month, int added, int closed, int openAtEnd) {}

    /** The body of a closing. */
    record CloseJson(String closedOn, String note) {}
}
