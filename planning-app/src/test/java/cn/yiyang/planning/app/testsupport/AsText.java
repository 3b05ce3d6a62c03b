package cn.yiyang.planning.app.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * Attribute values that hold HTML and script, and the check that a page shows them as text (issue 17): no element
 * under a component carries markup, neither {@code innerHTML} (which Vaadin's {@code Html} and raw renderers set) nor
 * an element a payload would have added.
 */
public final class AsText {

    /** An image whose error handler runs script. */
    public static final String IMG = "<img src=x onerror=alert(1)>";
    /** A script element. */
    public static final String SCRIPT = "<script>alert('x')</script>";
    /** Quotes that close an attribute, then an element with a handler. */
    public static final String QUOTES = "\"'><svg onload=alert(2)>";

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
        if (e.hasProperty("innerHTML")) {
            markup.add(e.getTag() + ": " + e.getProperty("innerHTML"));
        }
        if (List.of("img", "script", "svg").contains(e.getTag())) {
            markup.add("<" + e.getTag() + ">");
        }
        e.getChildren().forEach(c -> walk(c, markup));
    }
}
