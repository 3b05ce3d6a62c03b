package cn.yiyang.planning.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribute values that hold HTML and script, and the check that a page shows them as text (issue 17): no element
 * under a component holds a payload as markup, neither in {@code innerHTML} (which Vaadin's {@code Html} and raw
 * renderers set) nor as an element a payload would have added.
 */
public final class AsText {

    /** An image whose error handler runs script. */
    public static final String IMG = "<img src=x onerror=alert(1)>";
    /** A script element. */
    public static final String SCRIPT = "<script>alert('x')</script>";
    /** Quotes that close an attribute, then an element with a handler. */
    public static final String QUOTES = "\"'><svg onload=alert(2)>";

    /** What any of the payloads leaves in markup that took it as HTML. */
    private static final List<String> PAYLOAD_MARKS = List.of("<img", "<script", "onerror", "onload");

    private AsText() {}

    /** Fails when an element under the component holds markup. */
    public static void assertAsText(Component root) {
        List<String> markup = new ArrayList<>();
        walk(root.getElement(), markup);
        assertThat(markup).as("elements holding markup").isEmpty();
    }

    private static void walk(Element e, List<String> markup) {
        if (e.isTextNode()) {
            return;
        }
        // markup the server draws itself (the register's trend chart is an SVG) is fine; a payload in it is not
        String html = e.hasProperty("innerHTML") ? e.getProperty("innerHTML") : "";
        if (PAYLOAD_MARKS.stream().anyMatch(html::contains)) {
            markup.add(e.getTag() + ": " + html);
        }
        if (List.of("img", "script", "svg").contains(e.getTag())) {
            markup.add("<" + e.getTag() + ">");
        }
        e.getChildren().forEach(c -> walk(c, markup));
    }
}
