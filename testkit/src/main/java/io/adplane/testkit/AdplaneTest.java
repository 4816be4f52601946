package io.adplane.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that runs against adplane: the server starts in this JVM on a random port with an in-memory
 * database (once for all test classes with the same settings), is reset to its bootstrap state before each test
 * (then loads {@link #fixture()} when one is named), and hands each test method that asks for one a logged-in
 * {@code io.adplane.client.AdplaneClient} (the bootstrapped admin) or the {@link AdplaneServer} itself.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AdplaneExtension.class)
public @interface AdplaneTest {

    /**
     * A fixture (YAML, see docs/emulator.md): a class-path resource, else a file path; empty for none. The server
     * starts with it ({@code adplane.fixtures}) and loads it again after each reset.
     */
    String fixture() default "";

    /** More server settings, {@code name=value} ({@code adplane.controls.journal.size=50}). */
    String[] properties() default {};
}
