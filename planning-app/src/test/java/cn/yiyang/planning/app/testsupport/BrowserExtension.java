package cn.yiyang.planning.app.testsupport;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The set-up every browser journey shares: declare {@code @ExtendWith(BrowserExtension.class)} beside
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and take a {@link Browser} as a parameter of a test, a
 * {@code @BeforeEach} or (with a per-class test instance) a {@code @BeforeAll} method. The extension starts headless
 * Chromium in Chinese against the app of the Spring test context (its random port), hands the same browser to every
 * method of one test (of the whole class with a per-class test instance, so that its tests go on in one session),
 * saves a screenshot {@code target/screenshots/<class>-<method>-failed.png} when a test or one of its
 * {@code @BeforeEach}/{@code @AfterEach} methods fails, and quits the browser when the test (or class) is done.
 */
public final class BrowserExtension
        implements ParameterResolver, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final String KEY = "browser";
    /** The language of the browser's profile: the app's users read Chinese. */
    private static final String LANGUAGE = "zh-CN";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The store closes the browser (an AutoCloseable) when its context ends: the test's, or the class's.
        return owner(context)
                .getStore(NAMESPACE)
                .computeIfAbsent(KEY, k -> new Browser(port(context), LANGUAGE), Browser.class);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        screenshot(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        screenshot(context, failure);
        throw failure;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        screenshot(context, failure);
        throw failure;
    }

    /** The context whose store holds the browser: the class's with a per-class test instance, else the test's. */
    private static ExtensionContext owner(ExtensionContext context) {
        boolean perClass = context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                == TestInstance.Lifecycle.PER_CLASS;
        ExtensionContext owner = context;
        while (perClass
                && owner.getTestMethod().isPresent()
                && owner.getParent().isPresent()) {
            owner = owner.getParent().get();
        }
        return owner;
    }

    /** The app's port, from the Spring test context (started first if need be). */
    private static int port(ExtensionContext context) {
        Integer port = SpringExtension.getApplicationContext(context)
                .getEnvironment()
                .getProperty("local.server.port", Integer.class);
        if (port == null) {
            throw new IllegalStateException("BrowserExtension needs @SpringBootTest(webEnvironment = RANDOM_PORT) on "
                    + context.getRequiredTestClass().getName());
        }
        return port;
    }

    /** Keeps what the browser showed when the test failed; a failing screenshot never hides the failure. */
    private static void screenshot(ExtensionContext context, Throwable failure) {
        Browser browser = owner(context).getStore(NAMESPACE).get(KEY, Browser.class);
        if (browser == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getTestMethod().map(m -> m.getName()).orElse("setup") + "-failed";
        try {
            Path file = browser.screenshot(name);
            System.err.printf(
                    Locale.ROOT,
                    "[browser] %s failed; screenshot %s%n",
                    context.getDisplayName(),
                    file.toAbsolutePath());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
