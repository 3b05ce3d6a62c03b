package cn.yiyang.planning.app.feature;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON Merge Patch as RFC 7396 defines it (its Appendix A), and the versions {@code If-Match} names. */
class FeatureJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\":\"b\"}|{\"a\":\"c\"}|{\"a\":\"c\"}",
                "{\"a\":\"b\"}|{\"b\":\"c\"}|{\"a\":\"b\",\"b\":\"c\"}",
                "{\"a\":\"b\"}|{\"a\":null}|{}",
                "{\"a\":\"b\",\"b\":\"c\"}|{\"a\":null}|{\"b\":\"c\"}",
                "{\"a\":[\"b\"]}|{\"a\":\"c\"}|{\"a\":\"c\"}",
                "{\"a\":\"c\"}|{\"a\":[\"b\"]}|{\"a\":[\"b\"]}",
                "{\"a\":{\"b\":\"c\"}}|{\"a\":{\"b\":\"d\",\"c\":null}}|{\"a\":{\"b\":\"d\"}}",
                "{\"a\":[{\"b\":\"c\"}]}|{\"a\":[1]}|{\"a\":[1]}",
                "[\"a\",\"b\"]|[\"c\",\"d\"]|[\"c\",\"d\"]",
                "{\"a\":\"b\"}|[\"c\"]|[\"c\"]",
                "{\"e\":null}|{\"a\":1}|{\"e\":null,\"a\":1}",
                "[1,2]|{\"a\":\"b\",\"c\":null}|{\"a\":\"b\"}",
                "{}|{\"a\":{\"bb\":{\"ccc\":null}}}|{\"a\":{\"bb\":{}}}"
            })
    void mergePatchFollowsRfc7396(String target, String patch, String result) {
        JsonNode original = JSON.readTree(target);
        assertThat(FeatureJson.mergePatch(original, JSON.readTree(patch))).isEqualTo(JSON.readTree(result));
        assertThat(original).as("the target is left unchanged").isEqualTo(JSON.readTree(target));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"\"3\"|3", "W/\"12\"|12", " \"7\" |7", "*|0", "3|0", "\"x\"|0"})
    void ifMatchNamesAVersionOrNone(String header, long version) {
        assertThat(FeatureController.version(header)).isEqualTo(version);
    }
}
