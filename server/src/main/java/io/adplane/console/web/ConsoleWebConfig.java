package io.adplane.console.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The console's assets, served from the jar: its own stylesheet and script, and the pinned webjars (htmx,
 * Chart.js) under their versioned paths, so a browser may keep them for a year. Nothing comes from a CDN.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/console/assets/*.css", "/console/assets/*.js")
                .addResourceLocations("classpath:/console-assets/")
                .setCacheControl(CacheControl.noCache());
    }
}
