package io.adplane.docs;

import java.lang.reflect.Type;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
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
            Type type = answerable(handler.getMethod());
            if (!handler.getBeanType().getPackageName().startsWith("io.adplane.") || type == null) {
                return operation;
            }
            ResponseStatus declared = org.springframework.core.annotation.AnnotatedElementUtils
                    .findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
            String code = declared == null ? "200" : String.valueOf(declared.code().value());
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            if (!code.equals("200")) {
                responses.remove("200");
            }
            ApiResponse ok = responses.get(code) == null ? new ApiResponse().description(declared == null ? "OK" : "Created")
                    : responses.get(code);
            ok.setContent(new Content().addMediaType("application/json", new MediaType().schema(RecordSchemas.of(type))));
            responses.addApiResponse(code, ok);
            operation.setResponses(responses);
            return operation;
        };
    }

    /**
     * The answer type of a controller method when its type describes its answer precisely, else null: its return
     * type, or the body of a typed {@code ResponseEntity} whose status the method declares ({@code @ResponseStatus}).
     */
    static Type answerable(java.lang.reflect.Method method) {
        Type type = method.getGenericReturnType();
        if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == ResponseEntity.class
                && method.isAnnotationPresent(ResponseStatus.class)) {
            return answerable(p.getActualTypeArguments()[0]);
        }
        return answerable(type);
    }

    /** The answer type when the type describes its answer precisely, else null. */
    static Type answerable(Type type) {
        if (type == void.class || (type instanceof Class<?> c && ResponseEntity.class.isAssignableFrom(c))
                || (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() == ResponseEntity.class)) {
            return null;
        }
        return RecordSchemas.precise(type) ? type : null;
    }
}
