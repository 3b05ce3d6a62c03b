package cn.yiyang.planning.app.plan;

import cn.yiyang.planning.app.plan.BalanceService.PlanBalance;
import cn.yiyang.planning.app.security.AppUser;
import cn.yiyang.planning.app.system.ApiProblems;
import cn.yiyang.planning.app.system.BadValueException;
import cn.yiyang.planning.geo.plan.ClassLevel;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A plan's parcels, land-use balance and 多规合一 conflicts over HTTP:
 *
 * <ul>
 *   <li>{@code GET /api/v1/plans/{code}/parcels}: GeoJSON FeatureCollection, each parcel with its areas;</li>
 *   <li>{@code GET …/balance}: JSON; {@code ?format=xlsx} or an {@code Accept} of the XLSX type → the file;
 *       {@code ?level=top} groups by the 24 top-level classes;</li>
 *   <li>{@code GET …/conflicts}: the list with justifications; {@code ?format=geojson} → their overlaps for the map;</li>
 *   <li>{@code PUT …/conflicts/{key}/justification} with {@code {"text": …}}: approvers and ADMIN.</li>
 * </ul>
 */
@RestController
@ApiProblems({"404 unknown_plan"})
@RequestMapping("/api/v1/plans/{code}")
class ParcelController {

    private final ParcelReader reader;
    private final BalanceService balances;
    private final BalanceExport export;
    private final ConflictService conflicts;

    ParcelController(ParcelReader reader, BalanceService balances, BalanceExport export, ConflictService conflicts) {
        this.reader = reader;
        this.balances = balances;
        this.export = export;
        this.conflicts = conflicts;
    }

    @GetMapping("/parcels")
    JsonNode parcels(@PathVariable String code, Authentication auth, Locale locale) {
        BalanceService.PlanParcels parcels = balances.parcels(AppUser.of(auth), code);
        return ParcelJson.parcels(parcels.features(), parcels.areas(), locale);
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping("/balance")
    ResponseEntity<ParcelJson.BalanceJson> balance(
            @PathVariable String code,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String level,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication auth,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        PlanBalance balance = balances.balance(AppUser.of(auth), code, level(level));
        boolean xlsx = "xlsx".equals(format)
                || (format == null && accept != null && accept.contains(BalanceExport.MEDIA_TYPE));
        if (format != null && !xlsx && !"json".equals(format)) {
            throw new BadValueException("format", format, "json, xlsx");
        }
        if (xlsx) {
            response.setContentType(BalanceExport.MEDIA_TYPE);
            response.setHeader("Content-Disposition", "attachment; filename=\"" + export.fileName(balance) + "\"");
            export.xlsx(balance, locale, response.getOutputStream());
            return null;
        }
        return ResponseEntity.ok(ParcelJson.balance(balance, locale));
    }

    @ApiProblems({"400 bad_value"})
    @GetMapping("/conflicts")
    Object conflicts(
            @PathVariable String code,
            @RequestParam(required = false) String format,
            Authentication auth,
            Locale locale) {
        if (format != null && !"geojson".equals(format) && !"json".equals(format)) {
            throw new BadValueException("format", format, "json, geojson");
        }
        List<PlanConflict> found = conflicts.conflicts(AppUser.of(auth), code);
        return "geojson".equals(format)
                ? ParcelJson.conflictMap(found, reader, locale)
                : found.stream()
                        .map(c -> ParcelJson.conflict(c, reader, locale))
                        .toList();
    }

    @ApiProblems({"400 bad_value", "403 forbidden", "404 unknown_conflict"})
    @PutMapping("/conflicts/{key}/justification")
    ParcelJson.ConflictJson justify(
            @PathVariable String code,
            @PathVariable String key,
            @RequestBody ParcelJson.JustificationRequest body,
            Authentication auth,
            Locale locale) {
        PlanConflict c = conflicts.justify(AppUser.of(auth), code, key, body == null ? null : body.text());
        return ParcelJson.conflict(c, reader, locale);
    }

    private static ClassLevel level(String level) {
        if (level == null || "given".equals(level)) {
            return ClassLevel.AS_GIVEN;
        }
        if ("top".equals(level)) {
            return ClassLevel.TOP_LEVEL;
        }
        throw new BadValueException("level", level, "given, top");
    }
}
