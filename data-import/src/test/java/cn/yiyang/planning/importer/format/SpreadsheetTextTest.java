package cn.yiyang.planning.importer.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A spreadsheet cell's text: neutralised as a formula when written, restored when read back, exactly. */
class SpreadsheetTextTest {

    @Test
    void eachFormulaStartGetsAnApostrophe() {
        assertThat(SpreadsheetText.neutralise("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetText.neutralise("+86 737 1234")).isEqualTo("'+86 737 1234");
        assertThat(SpreadsheetText.neutralise("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    }

    @Test
    void numbersPlainTextAndNothingStayAsTheyAre() {
        assertThat(SpreadsheetText.neutralise("-3")).isEqualTo("-3");
        assertThat(SpreadsheetText.neutralise("-12.5")).isEqualTo("-12.5");
        assertThat(SpreadsheetText.neutralise("赫山区=1")).isEqualTo("赫山区=1");
        assertThat(SpreadsheetText.neutralise("'=1")).isEqualTo("'=1");
        assertThat(SpreadsheetText.neutralise("")).isEmpty();
        assertThat(SpreadsheetText.neutralise(null)).isNull();
    }

    @Test
    void eachNeutralisedValueIsRestored() {
        assertThat(SpreadsheetText.restore("'=1+1")).isEqualTo("=1+1");
        assertThat(SpreadsheetText.restore("'+86 737 1234")).isEqualTo("+86 737 1234");
        assertThat(SpreadsheetText.restore("'-cmd|' /C calc'!A0")).isEqualTo("-cmd|' /C calc'!A0");
        assertThat(SpreadsheetText.restore("'@SUM(A1)")).isEqualTo("@SUM(A1)");
        assertThat(SpreadsheetText.restore("'\t=1")).isEqualTo("\t=1");
        assertThat(SpreadsheetText.restore("'\r=1")).isEqualTo("\r=1");
        assertThat(SpreadsheetText.restore("'=")).isEqualTo("=");
        assertThat(SpreadsheetText.restore("'-")).isEqualTo("-");
    }

    @Test
    void aValueNeutraliseNeverWritesIsLeftAsItIs() {
        assertThat(SpreadsheetText.restore("'abc")).isEqualTo("'abc");
        assertThat(SpreadsheetText.restore("'赫山区")).isEqualTo("'赫山区");
        assertThat(SpreadsheetText.restore("' =1")).isEqualTo("' =1");
        assertThat(SpreadsheetText.restore("'")).isEqualTo("'");
        assertThat(SpreadsheetText.restore("''=1")).isEqualTo("''=1");
        assertThat(SpreadsheetText.restore("'-3")).isEqualTo("'-3");
        assertThat(SpreadsheetText.restore("'-12.5")).isEqualTo("'-12.5");
        assertThat(SpreadsheetText.restore("-3")).isEqualTo("-3");
        assertThat(SpreadsheetText.restore("=1+1")).isEqualTo("=1+1");
        assertThat(SpreadsheetText.restore("a'=1")).isEqualTo("a'=1");
        assertThat(SpreadsheetText.restore("")).isEmpty();
        assertThat(SpreadsheetText.restore(null)).isNull();
    }

    @Test
    void restoreUndoesNeutralise() {
        for (String v : new String[] {
            "=1+1", "+1", "-x", "@A1", "\tx", "\rx", "-3", "-0.5", "'", "'-3", "'abc", "abc", "赫山区", "", "=", "-"
        }) {
            assertThat(SpreadsheetText.restore(SpreadsheetText.neutralise(v)))
                    .as(v)
                    .isEqualTo(v);
        }
    }

    @Test
    void anApostropheWrittenOnPurposeBeforeAFormulaCannotBeToldApartAndIsDropped() {
        assertThat(SpreadsheetText.neutralise("'=1")).isEqualTo("'=1");
        assertThat(SpreadsheetText.restore("'=1")).isEqualTo("=1");
    }
}
