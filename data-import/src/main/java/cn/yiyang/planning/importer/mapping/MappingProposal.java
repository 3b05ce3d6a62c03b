package cn.yiyang.planning.importer.mapping;

import cn.yiyang.planning.importer.issue.ImportIssue;
import cn.yiyang.planning.importer.issue.Severity;
import java.util.List;

/**
 * A proposed mapping and what is wrong with it: {@code BAD_FIELD_MAPPING} for an explicit entry
 * naming a field that does not exist, {@code REQUIRED_FIELD_UNMAPPED} for a required catalogue field
 * no source field gives. Either needs the user's input before loading.
 *
 * @param mapping the mapping
 * @param issues  the problems, file-level (row 0)
 */
public record MappingProposal(FieldMapping mapping, List<ImportIssue> issues) {

    public MappingProposal {
        issues = List.copyOf(issues);
    }

    /** Whether the mapping can be used as it is. */
    public boolean complete() {
        return issues.stream().noneMatch(i -> i.severity() == Severity.ERROR);
    }
}
