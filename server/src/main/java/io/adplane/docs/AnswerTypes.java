package io.adplane.docs;

import java.lang.reflect.Type;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents each API operation's success answer from the type its controller method returns
 * ({@link RecordSchemas}), when that type says everything; the others keep the schema their representative
 * answer gives ({@link AnswerSchemas}, applied afterwards).
 */
@Configuration(proxyBeanMethods = false)
class AnswerTypes {

    @Bean
    OperationCustomizer answersFromTypes() {
        return (Operation operation, HandlerMethod handler) -> {
            Type type = handler.getMethod().getGenericReturnType();
            if (!handler.getBeanType().getPackageName().startsWith("io.adplane.") || answerable(type) == null) {
                return operation;
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ApiResponse ok = responses.get("200") == null ? new ApiResponse().description("OK") : responses.get("200");
            ok.setContent(new Content().addMediaType("application/json", new MediaType().schema(RecordSchemas.of(type))));
            responses.addApiResponse("200", ok);
            operation.setResponses(responses);
            return operation;
        };
    }

    /** The answer type when the method's type describes its answer precisely, else null. */
    static Type answerable(Type type) {
        if (type == void.class || (type instanceof Class<?> c && ResponseEntity.class.isAssignableFrom(c))
                || (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == ResponseEntity.class)) {
            return null;
        }
        return RecordSchemas.precise(type) ? type : null;
    }
}
