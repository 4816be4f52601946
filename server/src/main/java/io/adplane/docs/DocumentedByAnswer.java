package io.adplane.docs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an answer record whose keys are partly data (fields kept as a client sent them, after the record's own): its
 * operation is documented by a representative answer in {@code openapi/answers.json} (AnswerSchemas), which shows
 * those fields with their types, not by the record's components.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DocumentedByAnswer {
}
