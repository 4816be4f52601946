package io.adplane.testkit;

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

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).reset();
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
            AdplaneServer started = AdplaneServer.start(settings);
            store.put(SETTINGS, settings);
            store.put(SERVER, started);
            return started;
        }
    }

    private static Map<String, String> settings(Class<?> testClass) {
        AdplaneTest test = AnnotationSupport.findAnnotation(testClass, AdplaneTest.class).orElse(null);
        Map<String, String> settings = new LinkedHashMap<>();
        if (test != null) {
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
