package io.adplane.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import io.adplane.support.IntegrationTestSupport;

/**
 * Every operation of IQM's Campaign, Creative and Master APIs ({@code iqm/operations.tsv}, the project's own list
 * written by {@code scripts/iqm-fixtures/generate.py}) is served: a controller route takes its method and path,
 * so a well-formed call never answers 404 or 405 for want of a route.
 */
class IqmOperationsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record IqmOperation(String api, String method, String path, String operationId) {
    }

    static List<IqmOperation> operations() throws Exception {
        List<IqmOperation> ops = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                IqmOperationsIntegrationTest.class.getResourceAsStream("/iqm/operations.tsv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.startsWith("api\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                ops.add(new IqmOperation(f[0], f[1], f[2], f[3]));
            }
        }
        return ops;
    }

    @Test
    void everyIqmOperationIsServed() throws Exception {
        List<IqmOperation> ops = operations();
        assertThat(ops).hasSize(98);
        List<String> missing = new ArrayList<>();
        for (IqmOperation op : ops) {
            // A concrete path: each {parameter} becomes an id.
            PathContainer path = PathContainer.parsePath(op.path().replaceAll("\\{[^/]+}", "1"));
            boolean served = false;
            for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
                boolean method = info.getMethodsCondition().getMethods().contains(RequestMethod.valueOf(op.method()));
                if (method && info.getPathPatternsCondition().getPatterns().stream().anyMatch((PathPattern p) -> p.matches(path))) {
                    served = true;
                    break;
                }
            }
            if (!served) {
                missing.add(op.api() + " " + op.method() + " " + op.path() + " (" + op.operationId() + ")");
            }
        }
        assertThat(missing).as("IQM operations without a route").isEmpty();
    }
}
