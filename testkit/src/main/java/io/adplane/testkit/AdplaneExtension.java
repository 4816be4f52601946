package io.adplane.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import io.adplane.client.AdplaneClient;

/**
 * The JUnit 5 extension behind {@link AdplaneTest}: one {@link AdplaneServer} per JVM and set of settings, kept in
 * the root store (closed when the test run ends; a class with other settings stops it and starts its own), a reset
 * before each test, and {@link AdplaneClient} (logged in as the bootstrapped admin) or {@link AdplaneServer} as
 * test method parameters.
 */
public class AdplaneExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AdplaneExtension.class);
    private static final String SERVER = "server";
    private static final String SETTINGS = "settings";
    private static final String FIXTURE = "fixture";

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AdplaneServer server = server(context);
        server.reset();
        String fixture = context.getRoot().getStore(NAMESPACE).get(FIXTURE, String.class);
        if (fixture != null) {
            server.loadFixture(fixture);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == AdplaneClient.class || type == AdplaneServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        AdplaneServer server = server(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == AdplaneServer.class) {
            return server;
        }
        if (type == AdplaneClient.class) {
            return server.adminClient();
        }
        throw new ParameterResolutionException("adplane cannot resolve " + type);
    }

    private static AdplaneServer server(ExtensionContext context) {
        Map<String, String> settings = settings(context.getRequiredTestClass());
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        synchronized (AdplaneExtension.class) {
            AdplaneServer running = store.get(SERVER, AdplaneServer.class);
            if (running != null && settings.equals(store.get(SETTINGS))) {
                return running;
            }
            if (running != null) {
                store.remove(SERVER);
                running.close();
            }
            String fixture = fixture(context.getRequiredTestClass());
            Map<String, String> properties = new LinkedHashMap<>(settings);
            properties.remove("(fixture)"); // part of the settings' identity only
            if (fixture != null) {
                properties.put("adplane.fixtures", temporaryFile(fixture));
            }
            AdplaneServer started = AdplaneServer.start(properties);
            store.put(SETTINGS, settings);
            if (fixture != null) {
                store.put(FIXTURE, fixture);
            } else {
                store.remove(FIXTURE);
            }
            store.put(SERVER, started);
            return started;
        }
    }

    /** The text of the class's fixture: a class-path resource, else a file; null without one. */
    private static String fixture(Class<?> testClass) {
        String name = AnnotationSupport.findAnnotation(testClass, AdplaneTest.class).map(AdplaneTest::fixture).orElse("");
        if (name.isBlank()) {
            return null;
        }
        try (InputStream in = testClass.getClassLoader().getResourceAsStream(name.startsWith("/") ? name.substring(1) : name)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(name));
        } catch (IOException e) {
            throw new IllegalArgumentException("@AdplaneTest(fixture = \"" + name + "\"): neither a class-path resource"
                    + " nor a readable file (" + e.getMessage() + ")", e);
        }
    }

    private static String temporaryFile(String fixture) {
        try {
            Path file = Files.createTempFile("adplane-fixture", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, fixture);
            return file.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the fixture to a temporary file: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> settings(Class<?> testClass) {
        AdplaneTest test = AnnotationSupport.findAnnotation(testClass, AdplaneTest.class).orElse(null);
        Map<String, String> settings = new LinkedHashMap<>();
        if (test != null) {
            if (!test.fixture().isBlank()) {
                settings.put("(fixture)", test.fixture());
            }
            Arrays.stream(test.properties()).forEach(p -> {
                int eq = p.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException("@AdplaneTest properties are name=value, not '" + p + "'");
                }
                settings.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            });
        }
        return settings;
    }
}
